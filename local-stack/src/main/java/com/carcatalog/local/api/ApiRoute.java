package com.carcatalog.local.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** One REST API resource and method, integrated with a Lambda handler by proxy integration. */
public record ApiRoute(String method, String path, String functionName,
                       RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
}
