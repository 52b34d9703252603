/**
 * The web console a node serves at {@code /console} for its own organisation: static pages and plain
 * JavaScript modules from this jar, login with a slow password hash, sessions and CSRF tokens, and the
 * read endpoints the pages need. Found by the node through {@link org.energychain.node.api.RouteProvider}.
 * The proof checker page is public and checks proofs in the browser only.
 */
@NullMarked
package org.energychain.console;

import org.jspecify.annotations.NullMarked;
