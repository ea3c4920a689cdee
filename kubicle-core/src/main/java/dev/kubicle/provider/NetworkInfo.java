package dev.kubicle.provider;

import java.time.Instant;
import java.util.Map;

/** A network as the engine reports it; {@code created} orders networks made at nearly the same moment. */
public record NetworkInfo(String name, String id, String subnet, String gateway, Map<String, String> labels,
                          Instant created) {
}
