package dev.kubicle.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that text reads as TOML, which is what kind's {@code containerdConfigPatches} are (containerd's config is
 * TOML). It follows TOML 1.0's grammar for tables, keys, strings, arrays and inline tables, and only the shape of
 * numbers, booleans and dates, which is enough to catch a YAML snippet or a missing quote before the nodes exist.
 */
final class TomlSyntax {
    private static final Pattern BARE_VALUE =
            Pattern.compile("true|false|[+-]?(?:inf|nan)|[+-]?[0-9][0-9A-Za-z_:.+-]*");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String text;
    private int at;

    private TomlSyntax(String text) {
        this.text = text;
    }

    /** Why {@code toml} is not TOML, with its line, e.g. {@code at line 2: expected '=' after the key}; or empty. */
    static Optional<String> problem(String toml) {
        TomlSyntax syntax = new TomlSyntax(toml);
        try {
            syntax.document();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("at line " + syntax.line() + ": " + e.getMessage());
        }
    }

    private void document() {
        while (true) {
            skipBlankLines();
            if (atEnd()) {
                return;
            }
            if (peek() == '[') {
                table();
            } else {
                keyValue();
            }
            endOfLine();
        }
    }

    private void table() {
        at++;
        boolean arrayOfTables = accept('[');
        spaces();
        key();
        expect(']', "expected ']' after the table name");
        if (arrayOfTables) {
            expect(']', "expected ']]' after the table name");
        }
    }

    private void keyValue() {
        key();
        if (!accept('=')) {
            throw new IllegalArgumentException("expected '=' after the key"
                    + (!atEnd() && peek() == ':' ? " (TOML uses '=' where YAML uses ':')" : ""));
        }
        spaces();
        value();
    }

    /** A dotted key such as {@code plugins."io.containerd.grpc.v1.cri".sandbox_image}, and the spaces after it. */
    private void key() {
        do {
            spaces();
            if (!atEnd() && peek() == '"') {
                basicString();
            } else if (!atEnd() && peek() == '\'') {
                literalString();
            } else {
                int start = at;
                while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
                    at++;
                }
                if (start == at) {
                    throw new IllegalArgumentException("expected a key");
                }
            }
            spaces();
        } while (accept('.'));
    }

    private void value() {
        if (text.startsWith("\"\"\"", at)) {
            multiLineString("\"\"\"", true);
        } else if (text.startsWith("'''", at)) {
            multiLineString("'''", false);
        } else if (!atEnd() && peek() == '"') {
            basicString();
        } else if (!atEnd() && peek() == '\'') {
            literalString();
        } else if (accept('[')) {
            array();
        } else if (accept('{')) {
            inlineTable();
        } else {
            bareValue();
        }
    }

    private void basicString() {
        at++;
        while (!atEnd() && peek() != '\n') {
            char c = text.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '"') {
                return;
            }
        }
        throw new IllegalArgumentException("a string is missing its closing '\"'");
    }

    private void literalString() {
        at++;
        while (!atEnd() && peek() != '\n') {
            if (text.charAt(at++) == '\'') {
                return;
            }
        }
        throw new IllegalArgumentException("a string is missing its closing \"'\"");
    }

    private void multiLineString(String delimiter, boolean escapes) {
        at += delimiter.length();
        while (!atEnd()) {
            if (escapes && peek() == '\\') {
                at += 2;
            } else if (text.startsWith(delimiter, at)) {
                at += delimiter.length();
                // Up to two quotes right before the closing delimiter belong to the string.
                for (int extra = 0; extra < 2 && !atEnd() && peek() == delimiter.charAt(0); extra++) {
                    at++;
                }
                return;
            } else {
                at++;
            }
        }
        throw new IllegalArgumentException("a multi-line string is missing its closing " + delimiter);
    }

    private void array() {
        while (true) {
            skipBlankLines();
            if (accept(']')) {
                return;
            }
            value();
            skipBlankLines();
            if (!accept(',')) {
                expect(']', "expected ',' or ']' in the array");
                return;
            }
        }
    }

    private void inlineTable() {
        spaces();
        if (accept('}')) {
            return;
        }
        while (true) {
            keyValue();
            spaces();
            if (!accept(',')) {
                expect('}', "expected ',' or '}' in the inline table");
                return;
            }
        }
    }

    private void bareValue() {
        int start = at;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || "_:.+-".indexOf(peek()) >= 0)) {
            at++;
        }
        String token = text.substring(start, at);
        // A date and a time may be separated by a space instead of a 'T'.
        if (DATE.matcher(token).matches() && text.startsWith(" ", at) && at + 1 < text.length()
                && Character.isDigit(text.charAt(at + 1))) {
            at++;
            bareValue();
            return;
        }
        if (!BARE_VALUE.matcher(token).matches()) {
            throw new IllegalArgumentException(token.isEmpty()
                    ? "expected a value"
                    : "\"" + token + "\" is not a TOML value (text needs quotes)");
        }
    }

    private void endOfLine() {
        spaces();
        if (accept('#')) {
            while (!atEnd() && peek() != '\n') {
                at++;
            }
        }
        accept('\r');
        if (!atEnd() && !accept('\n')) {
            throw new IllegalArgumentException("expected the end of the line but found '" + peek() + "'");
        }
    }

    /** Spaces, tabs, line breaks and comments: what may stand between statements and between array items. */
    private void skipBlankLines() {
        while (!atEnd()) {
            char c = peek();
            if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    at++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                at++;
            } else {
                return;
            }
        }
    }

    private void spaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            at++;
        }
    }

    private void expect(char c, String message) {
        if (!accept(c)) {
            throw new IllegalArgumentException(message);
        }
    }

    private boolean accept(char c) {
        if (!atEnd() && peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private char peek() {
        return text.charAt(at);
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private int line() {
        int line = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
