/**
 * Step Functions on a laptop: {@link com.carcatalog.local.stepfunctions.LocalStepFunctions} puts the
 * in-process ASL executor behind an endpoint that speaks the service's AWS JSON 1.0 API.
 *
 * <p>How the classes divide the work: {@code StepFunctionsEndpoint} (HTTP, {@code X-Amz-Target}
 * dispatch, error bodies) → {@code StepFunctionsApi} (action names) → {@code StateMachineActions},
 * {@code ExecutionActions}, {@code MapRunActions} (each action's rules and response fields), over
 * {@code StateMachineRegistry} and {@link com.carcatalog.local.stepfunctions.ExecutionStore} (what is
 * kept, in memory or as one JSON file each via {@code JsonDirectory}). Request checks live in
 * {@code ApiRequest}, {@code ResourceName}, {@code StatesArn} and {@code ListToken}; every error is a
 * {@link com.carcatalog.local.stepfunctions.StepFunctionsException} with the service's error type.
 * {@link com.carcatalog.local.services.S3ObjectStore} lets Distributed Maps read and write the
 * local S3.
 */
package com.carcatalog.local.stepfunctions;
