/**
 * kubicle's stable library API: build a {@link dev.kubicle.api.ClusterSpec} in code or read one from a config file,
 * create it through {@link dev.kubicle.api.Kubicle}, and work with the {@link dev.kubicle.api.ClusterHandle} you get
 * back (kubeconfig, images, kubectl, stop and start, nodes, logs). Every failure is a
 * {@link dev.kubicle.KubicleException} whose {@link dev.kubicle.ExitCode} says what kind of failure it is.
 *
 * <p>This package and {@code dev.kubicle} follow semantic versioning from 1.0 on: a minor release only adds. The
 * other packages of kubicle-core are the engine the command line is built on; they may change in any release, and
 * packages named {@code internal} are never meant for use outside kubicle.
 */
package dev.kubicle.api;
