package dev.kubicle.cluster;

import java.util.List;

/**
 * What a load did, node by node.
 *
 * @param loaded  the nodes the images were imported into
 * @param skipped the nodes that already had every image, by name and content
 */
public record LoadReport(List<String> loaded, List<String> skipped) {
}
