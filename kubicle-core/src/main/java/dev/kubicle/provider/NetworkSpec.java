package dev.kubicle.provider;

import java.util.Map;
import java.util.Optional;

/** A bridge network for one cluster; {@code subnet} fixed by the user, or chosen by the engine when empty. */
public record NetworkSpec(String name, Optional<String> subnet, Map<String, String> labels) {
}
