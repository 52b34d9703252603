package org.energychain.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.contract.MethodSpec;
import org.junit.jupiter.api.Test;

class RolesTest {
    private static final PublicKey KEY = new PublicKey("Ed25519", new byte[32]);

    private static RoleCatalog catalog(Map<String, String> roles) {
        return () -> roles;
    }

    @Test
    void rolesAreWhatTheCataloguesOnTheClassPathDeclare() {
        assertThat(Roles.discovered().declared()).containsKeys(TestRoles.WRITER, TestRoles.READER);
        assertThat(Roles.discovered().declared().get(TestRoles.WRITER)).isEqualTo("may write the test key-value contract");
    }

    @Test
    void anUndeclaredRoleIsRefusedNamingTheDeclaredOnes() {
        Roles roles = Roles.of(List.of(new TestRoles()));
        assertThatThrownBy(() -> roles.require("king")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'king' (known: reader, writer)");
        assertThatThrownBy(() -> Roles.of(List.of()).require("writer")).hasMessageContaining("unknown role 'writer'")
                .hasMessageContaining("no module on the class path declares roles");
    }

    @Test
    void aDeclaredRoleIsFoundWhateverItsCaseAndBlanks() {
        Roles roles = Roles.of(List.of(new TestRoles()));
        assertThat(roles.require(" Writer ")).isEqualTo("writer");
        assertThat(roles.require("reader")).isEqualTo("reader");
    }

    @Test
    void aRoleDeclaredByTwoModulesIsRefused() {
        assertThatThrownBy(() -> Roles.of(List.of(new TestRoles(), catalog(Map.of("writer", "again")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role 'writer' is declared twice")
                .hasMessageContaining(TestRoles.class.getName());
    }

    @Test
    void theLedgerChecksOnlyTheFormOfARole() {
        assertThat(new Member("M1", Set.of("any-role-2"), KEY).has("any-role-2")).isTrue();
        assertThat(MethodSpec.submit("any-role-2").allows(Set.of("any-role-2"))).isTrue();
        for (String bad : new String[] {"", "Group", "1st", "with space", "a".repeat(33), "ümlaut"}) {
            assertThatThrownBy(() -> new Member("M1", Set.of(bad), KEY)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member M1: role '" + bad + "'");
            assertThatThrownBy(() -> MethodSpec.query(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Roles.of(List.of(catalog(Map.of(bad, "x"))))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Member("M1", Set.of("a" + "b".repeat(31)), KEY).roles()).hasSize(1);
    }

    @Test
    void aMethodAllowsTheMembersHoldingOneOfItsRoles() {
        MethodSpec spec = MethodSpec.submit(TestRoles.WRITER);
        assertThat(spec.allows(Set.of(TestRoles.WRITER, TestRoles.READER))).isTrue();
        assertThat(spec.allows(Set.of(TestRoles.READER))).isFalse();
        assertThat(MethodSpec.query().allows(Set.of())).isTrue();
    }
}
