package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.junit.jupiter.api.Test;

class LogEntryTest {
    @Test
    void oneVoteIsAVoteEntryAndSeveralAreOneVotesEntryThatDecodesToTheSameVotesInOrder() {
        LogEntry one = LogEntry.ofVotes(List.of(new byte[] {1, 2}));
        assertThat(one.kind()).isEqualTo(LogEntry.Kind.VOTE);
        assertThat(LogEntry.decode(one.encode()).votes()).containsExactly(new byte[] {1, 2});

        LogEntry three = LogEntry.ofVotes(List.of(new byte[] {1}, new byte[] {2, 2}, new byte[0]));
        assertThat(three.kind()).isEqualTo(LogEntry.Kind.VOTES);
        assertThat(LogEntry.decode(three.encode()).votes()).containsExactly(new byte[] {1}, new byte[] {2, 2},
                new byte[0]);
    }

    /** The bytes a third party recomputes (docs/network.md, "Log entry"). */
    @Test
    void aVotesEntryHasItsDocumentedBytes() {
        byte[] e = LogEntry.ofVotes(List.of(new byte[] {(byte) 0xaa}, new byte[] {(byte) 0xbb, (byte) 0xcc}))
                .encode();
        assertThat(Hex.encode(e)).isEqualTo("0000000b45432f656e7472792f7631" // string "EC/entry/v1"
                + "03" // kind 3: votes
                + "0000000f" // payload of 15 bytes
                + "00000002" + "00000001aa" + "00000002bbcc");
    }

    @Test
    void aVotesEntryThatLiesAboutItsCountOrLengthOrCarriesTooManyIsRefused() {
        byte[] huge = new CanonicalWriter().i32(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.VOTES, huge).votes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("votes");
        byte[] none = new CanonicalWriter().i32(0).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.VOTES, none).votes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 votes");
        byte[] shortVote = new CanonicalWriter().i32(1).i32(5).u8(1).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.VOTES, shortVote).votes())
                .isInstanceOf(IllegalArgumentException.class);
        CanonicalWriter w = new CanonicalWriter().i32(LogEntry.MAX_VOTES + 1);
        for (int i = 0; i <= LogEntry.MAX_VOTES; i++) {
            w.bytes(new byte[] {1});
        }
        byte[] tooMany = w.toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.VOTES, tooMany).votes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("votes in one entry");
        List<byte[]> over = new ArrayList<>();
        for (int i = 0; i <= LogEntry.MAX_VOTES; i++) {
            over.add(new byte[] {1});
        }
        assertThatThrownBy(() -> LogEntry.ofVotes(over)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.BLOCK, new byte[0]).votes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block");
    }

    /** The bytes a third party recomputes (docs/network.md, "Log entry" and "Votes to the leader"). */
    @Test
    void aCertificatesEntryAndAVoteMessageHaveTheirDocumentedBytes() {
        byte[] e = LogEntry.ofCertificates(List.of(new byte[] {(byte) 0xaa}, new byte[] {(byte) 0xbb, (byte) 0xcc}))
                .encode();
        assertThat(Hex.encode(e)).isEqualTo("0000000b45432f656e7472792f7631" // string "EC/entry/v1"
                + "04" // kind 4: certificates
                + "0000000f" // payload of 15 bytes
                + "00000002" + "00000001aa" + "00000002bbcc");
        assertThat(LogEntry.decode(e).certificates()).containsExactly(new byte[] {(byte) 0xaa},
                new byte[] {(byte) 0xbb, (byte) 0xcc});

        byte[] m = VoteMessage.encode(List.of(new byte[] {(byte) 0xaa}, new byte[] {(byte) 0xbb, (byte) 0xcc}));
        assertThat(Hex.encode(m)).isEqualTo("0000000b45432f766f7465732f7631" // string "EC/votes/v1"
                + "00000002" + "00000001aa" + "00000002bbcc");
        assertThat(VoteMessage.decode(m)).containsExactly(new byte[] {(byte) 0xaa}, new byte[] {(byte) 0xbb, (byte) 0xcc});
        assertThat(VoteMessage.decodeAnswer(VoteMessage.answer(2))).isEqualTo(2);
    }

    @Test
    void certificatesAndVoteMessagesThatLieAboutTheirCountOrCarryTooManyOrTheWrongThingAreRefused() {
        byte[] none = new CanonicalWriter().i32(0).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.CERTIFICATES, none).certificates())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 certificates");
        byte[] huge = new CanonicalWriter().i32(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.CERTIFICATES, huge).certificates())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificates");
        byte[] trailing = new CanonicalWriter().i32(1).bytes(new byte[] {1}).u8(9).toByteArray();
        assertThatThrownBy(() -> new LogEntry(LogEntry.Kind.CERTIFICATES, trailing).certificates())
                .isInstanceOf(IllegalArgumentException.class);
        List<byte[]> over = new ArrayList<>();
        for (int i = 0; i <= LogEntry.MAX_CERTIFICATES; i++) {
            over.add(new byte[] {1});
        }
        assertThatThrownBy(() -> LogEntry.ofCertificates(over)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogEntry.ofCertificates(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoteMessage.encode(over)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogEntry.ofVotes(List.of(new byte[] {1})).certificates())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vote entry holds no certificates");
        assertThatThrownBy(() -> LogEntry.ofCertificates(List.of(new byte[] {1})).votes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificates entry holds no votes");
        byte[] notVotes = SubmitRequest.encode(List.of(new byte[] {1}));
        assertThatThrownBy(() -> VoteMessage.decode(notVotes)).isInstanceOf(IllegalArgumentException.class);
        CanonicalWriter w = new CanonicalWriter().tag(VoteMessage.TAG).i32(LogEntry.MAX_VOTES + 1);
        over.forEach(w::bytes);
        byte[] tooMany = w.toByteArray();
        assertThatThrownBy(() -> VoteMessage.decode(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("votes in one entry");
    }
}
