package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Print the kubicle version.")
final class VersionCommand implements Runnable {
    @ParentCommand
    KubicleCommand root;

    @Override
    public void run() {
        root.out.println(KubicleVersion.line());
    }
}
