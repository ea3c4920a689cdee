package dev.kubicle.progress;

enum SilentProgress implements Progress, Progress.Step {
    INSTANCE;

    @Override
    public void headline(String text) {
    }

    @Override
    public Step startStep(String title) {
        return this;
    }

    @Override
    public void detail(String text) {
    }

    @Override
    public void activity(String text) {
    }

    @Override
    public void note(String text) {
    }

    @Override
    public void warning(String text) {
    }

    @Override
    public void succeed() {
    }

    @Override
    public void fail() {
    }
}
