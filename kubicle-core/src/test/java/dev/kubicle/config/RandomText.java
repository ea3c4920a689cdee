package dev.kubicle.config;

import java.util.List;
import java.util.Random;

/** Random words, label names and choices for the generated configs, all drawn from one seeded {@link Random}. */
final class RandomText {
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LABEL_NAME_INSIDE =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    /** Characters that YAML, JSON, TOML, paths, CIDRs or label rules treat specially, and some that none expect. */
    private static final String AWKWARD = " \t\n\r\"'\\:#&*!|>%@`{}[],?-<=/._~+;$^()"
            + "\u0000\u0085\u00e9\u2028\ud83d\ude00";

    private final Random random;

    RandomText(Random random) {
        this.random = random;
    }

    /** A lower-case word starting with a letter. */
    String word(int length) {
        StringBuilder word = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        while (word.length() < length) {
            word.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return word.toString();
    }

    /** A valid label name or value: alphanumeric at both ends, '-', '_' and '.' allowed inside. */
    String labelName(int length) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String characters = i == 0 || i == length - 1 ? ALPHANUMERIC : LABEL_NAME_INSIDE;
            name.append(characters.charAt(random.nextInt(characters.length())));
        }
        return name.toString();
    }

    /** Up to {@code maxLength} characters, mostly letters, some of them awkward for one format or another. */
    String anything(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(maxLength + 1); text.length() < length; ) {
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(AWKWARD.length());
                // Keep a surrogate pair whole, so that the text stays valid UTF-16.
                text.append(Character.isSurrogate(AWKWARD.charAt(at))
                        ? AWKWARD.substring(AWKWARD.length() - 2) : AWKWARD.substring(at, at + 1));
            } else {
                text.append(LABEL_NAME_INSIDE.charAt(random.nextInt(LABEL_NAME_INSIDE.length())));
            }
        }
        return text.toString();
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
