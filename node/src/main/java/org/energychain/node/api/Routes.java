package org.energychain.node.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Where the routes of a node's REST API are registered: a method, a path template ({@code {param}}
 * segments, as in Javalin and OpenAPI) and its handler. Handlers answer errors by throwing
 * {@link ApiError}; a signed request's caller is {@link ApiServer#caller}.
 */
public interface Routes {
    void route(HandlerType method, String path, Handler handler);

    /**
     * A route whose signed requests may be addressed ({@link RequestSigning#NODE}) to another member than
     * the one this node is on the chain: the handler checks the addressee itself ({@link ApiServer#addressee}).
     */
    void routeForAnyAddressee(HandlerType method, String path, Handler handler);
}
