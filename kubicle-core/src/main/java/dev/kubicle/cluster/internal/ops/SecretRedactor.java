package dev.kubicle.cluster.internal.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of the text {@code export logs} writes, one line at a time, so that an export can be attached to
 * a bug report. It removes private keys (PEM blocks, also when a log shows one escaped on a single line), the values
 * of settings named like credentials ({@code client-key-data}, anything ending in {@code token}, the kubeadm
 * certificate key, passwords; as YAML, JSON, query or flag), bearer tokens, and anything shaped like a kubeadm
 * bootstrap token. Only the value goes: the line still shows which setting was there. One instance per file, as a
 * key block spans lines.
 */
final class SecretRedactor {
    static final String REDACTED = "<redacted>";
    static final String KEY_REMOVED = "<private key removed>";
    /** Far more than the longest key (RSA 8192 is about 100 lines): a block that never ends costs no whole file. */
    private static final int MAX_KEY_LINES = 200;
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");
    /** A credential's name, a separator, maybe a quote, then the value. */
    private static final Pattern SETTING = Pattern.compile(
            "(?i)((?:client-key-data|certificate-?key|password|[a-z_-]*token)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "[^\\s\"',;&}\\]]+");
    /** {@code --token abcdef.0123456789abcdef}: a flag whose value follows after a space. */
    private static final Pattern FLAG = Pattern.compile(
            "(?i)(--(?:[a-z-]*token|certificate-key|password)\\s+)[^\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern BOOTSTRAP_TOKEN = Pattern.compile("\\b[a-z0-9]{6}\\.[a-z0-9]{16}\\b");

    /** Lines of a key block seen so far, or -1 outside one. */
    private int keyLines = -1;

    /** @return the line without its secrets, or null for a line that is all inside a private key */
    String redact(String line) {
        String rest = withoutKeys(line);
        if (rest == null) {
            return null;
        }
        rest = SETTING.matcher(rest).replaceAll("$1" + REDACTED);
        rest = FLAG.matcher(rest).replaceAll("$1" + REDACTED);
        rest = BEARER.matcher(rest).replaceAll("$1" + REDACTED);
        return BOOTSTRAP_TOKEN.matcher(rest).replaceAll(REDACTED);
    }

    private String withoutKeys(String line) {
        StringBuilder kept = new StringBuilder();
        int from = 0;
        boolean startedInside = keyLines >= 0;
        while (from <= line.length()) {
            if (keyLines >= 0) {
                Matcher end = KEY_END.matcher(line);
                if (!end.find(from)) {
                    if (++keyLines > MAX_KEY_LINES) {
                        keyLines = -1;
                    }
                    return kept.isEmpty() ? null : kept.toString();
                }
                keyLines = -1;
                from = end.end();
                if (startedInside && kept.isEmpty() && line.substring(from).isBlank()) {
                    return null;
                }
            }
            Matcher begin = KEY_BEGIN.matcher(line);
            if (!begin.find(from)) {
                return kept.append(line, from, line.length()).toString();
            }
            kept.append(line, from, begin.start()).append(KEY_REMOVED);
            keyLines = 0;
            from = begin.end();
        }
        return kept.toString();
    }
}
