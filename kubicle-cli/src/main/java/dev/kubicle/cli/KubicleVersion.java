package dev.kubicle.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** kubicle's version, written into the jar by the build. */
final class KubicleVersion implements CommandLine.IVersionProvider {

    static String line() {
        return "kubicle v" + version() + " java" + Runtime.version().feature() + " "
                + System.getProperty("os.name").toLowerCase() + "/" + arch();
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = KubicleVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return "x86_64".equals(arch) ? "amd64" : arch;
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
