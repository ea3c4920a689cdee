package dev.kubicle.provider;

import java.util.Map;

/** A network as the engine reports it. */
public record NetworkInfo(String name, String id, String subnet, String gateway, Map<String, String> labels) {
}
