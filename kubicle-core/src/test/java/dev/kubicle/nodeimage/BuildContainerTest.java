package dev.kubicle.nodeimage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildContainerTest {

    @Test
    void theOwnerOfABuildContainerIsTheProcessItsNameCarries() {
        assertThat(BuildContainer.ownerPid(BuildContainer.namePrefix(4711) + "0a1b2c3d")).contains(4711L);
    }

    @Test
    void containersNamedOtherwiseHaveNoOwnerAndAreLeftAlone() {
        assertThat(BuildContainer.ownerPid("three-worker")).isEmpty();
        assertThat(BuildContainer.ownerPid("kubicle-build-0a1b2c3d")).isEmpty();
        assertThat(BuildContainer.ownerPid("kubicle-build-12x-0a1b2c3d")).isEmpty();
    }
}
