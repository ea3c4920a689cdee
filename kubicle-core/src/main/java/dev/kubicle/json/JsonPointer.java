package dev.kubicle.json;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer, such as {@code /apiServer/certSANs/0}: the reference tokens, unescaped ({@code ~1} is
 * {@code /} and {@code ~0} is {@code ~}). The empty pointer is the whole document.
 */
record JsonPointer(String text, List<String> tokens) {

    static JsonPointer parse(String text) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (!text.startsWith("/")) {
            throw new PatchFailure("the pointer \"" + text + "\" does not start with /",
                    "write paths like /apiServer/certSANs/0");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(unescape(raw, text));
        }
        return new JsonPointer(text, List.copyOf(tokens));
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    String last() {
        return tokens.get(tokens.size() - 1);
    }

    JsonPointer parent() {
        return prefix(tokens.size() - 1);
    }

    /** The pointer to the first {@code count} tokens, such as /a/b for the first two of /a/b/c. */
    JsonPointer prefix(int count) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens.subList(0, count)) {
            text.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return new JsonPointer(text.toString(), tokens.subList(0, count));
    }

    /** Whether this pointer lies strictly inside {@code other}, as /a/b lies inside /a. */
    boolean isInside(JsonPointer other) {
        return tokens.size() > other.tokens.size() && tokens.subList(0, other.tokens.size()).equals(other.tokens);
    }

    /** The pointer as written, or "the document" for the empty one. */
    String describe() {
        return text.isEmpty() ? "the document" : text;
    }

    /** ~0 and ~1 are the only escapes; the order matters, so that ~01 is the text ~1 and not /. */
    private static String unescape(String token, String pointer) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            char next = i + 1 < token.length() ? token.charAt(i + 1) : ' ';
            if (next != '0' && next != '1') {
                throw new PatchFailure("the pointer \"" + pointer + "\" has a ~ that is not ~0 or ~1",
                        "write ~0 for ~ and ~1 for / inside a field name");
            }
            out.append(next == '0' ? '~' : '/');
            i++;
        }
        return out.toString();
    }
}
