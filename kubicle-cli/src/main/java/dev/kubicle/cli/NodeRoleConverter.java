package dev.kubicle.cli;

import dev.kubicle.cluster.NodeRole;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;

/** A node's role as the config file spells it: worker or control-plane (a load balancer is not one to add). */
final class NodeRoleConverter implements ITypeConverter<NodeRole> {

    @Override
    public NodeRole convert(String value) {
        if (NodeRole.WORKER.label().equals(value)) {
            return NodeRole.WORKER;
        }
        if (NodeRole.CONTROL_PLANE.label().equals(value)) {
            return NodeRole.CONTROL_PLANE;
        }
        throw new TypeConversionException("'" + value + "' is not a node role; use worker or control-plane");
    }

    /** What completion offers for --role. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(NodeRole.WORKER.label(), NodeRole.CONTROL_PLANE.label()).iterator();
        }
    }
}
