package org.energychain.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files from the class path: its own pages and modules under {@code console/} in this jar,
 * and the WebJars it uses ({@code webjars/NAME/VERSION/...} from {@code META-INF/resources/webjars/}, as
 * Javalin's WebJar support serves them). A name is a plain relative path of safe characters (no {@code ..},
 * no hidden files), so a request can never reach another resource. Files are read once and kept.
 */
final class StaticFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json",
            "application/json", "png", "image/png", "ico", "image/x-icon");
    /** Pages, scripts and styles only: no inline script may run, nothing may frame the console. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Answers {@code ctx} with the file at {@code path} (relative to /console/); false when there is none. */
    boolean serve(Context ctx, String path) {
        Optional<String> resource = resource(path);
        if (resource.isEmpty()) {
            return false;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return false;
        }
        byte[] body = cache.get(resource.get());
        if (body == null) {
            try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource.get())) {
                if (in == null) {
                    return false;
                }
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cache.put(resource.get(), body);
        }
        ctx.contentType(type);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(body);
        return true;
    }

    /** The class path resource of a request path, if the path is a safe name. */
    static Optional<String> resource(String path) {
        if (path.length() > 200 || !SAFE.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        if (path.startsWith("webjars/")) {
            return Optional.of("META-INF/resources/" + path);
        }
        return Optional.of("console/" + path);
    }
}
