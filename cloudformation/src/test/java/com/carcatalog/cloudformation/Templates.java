package com.carcatalog.cloudformation;

/** The templates, each parsed once per test run. */
final class Templates {

    private static Template application;
    private static Template pipeline;

    private Templates() {
    }

    static synchronized Template application() {
        if (application == null) {
            application = Template.load(Project.template());
        }
        return application;
    }

    static synchronized Template pipeline() {
        if (pipeline == null) {
            pipeline = Template.load(Project.pipeline());
        }
        return pipeline;
    }
}
