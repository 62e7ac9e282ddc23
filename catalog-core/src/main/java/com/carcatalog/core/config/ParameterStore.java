package com.carcatalog.core.config;

/** Looks up a configuration parameter by name (SSM Parameter Store on AWS). */
@FunctionalInterface
public interface ParameterStore {

    String get(String name);
}
