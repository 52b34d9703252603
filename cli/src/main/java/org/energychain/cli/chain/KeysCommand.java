package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.node.genesis.OrgKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code energychain keys}: organisation key pairs. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Generate and show organisation keys (PEM).",
        subcommands = {KeysCommand.Generate.class, KeysCommand.Show.class})
public final class KeysCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code keys generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Generate a key pair: DIR/ID.key (private, PKCS#8 PEM, mode 0600, never overwritten) and "
                    + "DIR/ID.pub (public, PEM).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "2:bad input (or the key exists)"})
    static final class Generate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--suite", defaultValue = "sha256-ed25519", paramLabel = "SUITE",
                description = "sha256-ed25519 (Ed25519 keys) or sm3-sm2 (SM2 keys) (default: ${DEFAULT-VALUE}).")
        String suite;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
        Path out;

        @Option(names = "--name", required = true, paramLabel = "ID", description = "Organisation (member) id.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            CryptoSuite s = CryptoSuites.byName(suite);
            KeyPair kp = OrgKeys.generate(s, out, name, new SecureRandom());
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                Json.print(w, describe(kp.publicKey()).put("id", name).put("suite", s.name())
                        .put("privateKeyFile", OrgKeys.privateFile(out, name).toString())
                        .put("publicKeyFile", OrgKeys.publicFile(out, name).toString()));
            } else {
                w.printf("wrote %s (private, keep it secret) and %s%n", OrgKeys.privateFile(out, name),
                        OrgKeys.publicFile(out, name));
                w.printf("%s public key %s%n", kp.publicKey().scheme(), Hex.encode(kp.publicKey().encoded()));
                w.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code keys show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a key file (private or public PEM): scheme, suite, public key. Never prints a secret.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:shown", "2:not a key file"})
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Key file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            boolean isPrivate = text.contains("PRIVATE KEY-----");
            PublicKey pub;
            if (isPrivate) {
                PrivateKey k = KeyFiles.readPrivateKey(file);
                pub = SignatureSchemes.byName(k.scheme()).publicKeyOf(k);
            } else {
                pub = KeyFiles.readPublicKey(file);
            }
            PrintWriter w = spec.commandLine().getOut();
            ObjectNode n = describe(pub).put("file", file.toString()).put("private", isPrivate);
            if (json) {
                Json.print(w, n);
            } else {
                w.printf("%s: %s %s key (suite %s)%npublic key %s%n", file, pub.scheme(), isPrivate ? "private" : "public",
                        n.get("suite").asText(), n.get("publicKey").asText());
                w.flush();
            }
            return ExitCodes.OK;
        }
    }

    static ObjectNode describe(PublicKey pub) {
        String suite = CryptoSuites.all().stream().filter(s -> s.signatures().name().equals(pub.scheme()))
                .map(CryptoSuite::name).findFirst().orElse("?");
        return Json.MAPPER.createObjectNode().put("scheme", pub.scheme()).put("suite", suite)
                .put("publicKey", Hex.encode(pub.encoded()));
    }
}
