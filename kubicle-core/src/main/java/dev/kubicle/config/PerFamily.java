package dev.kubicle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** kubicle's comma-separated fields of one entry per IP family: {@code networking.subnet} and {@code nodes[].ip}. */
final class PerFamily {
    private PerFamily() {
    }

    /**
     * The entries, if every one reads and no family has two.
     *
     * @param read reads one entry, reporting its own problem and giving empty when it cannot
     * @param what what an entry is, for the message: "range", "address"
     */
    static <T> Optional<List<T>> entries(String text, Function<String, Optional<T>> read, Predicate<T> ipv4,
            String path, String what, Problems problems) {
        List<T> entries = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Optional<T> entry = read.apply(part.strip());
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            entries.add(entry.get());
        }
        long ipv4Entries = entries.stream().filter(ipv4).count();
        if (entries.size() > 2 || entries.size() == 2 && ipv4Entries != 1) {
            problems.add(path, text + " has more than one " + what + " of a family",
                    "give at most one IPv4 and one IPv6 " + what + ", separated by a comma");
            return Optional.empty();
        }
        return Optional.of(List.copyOf(entries));
    }
}
