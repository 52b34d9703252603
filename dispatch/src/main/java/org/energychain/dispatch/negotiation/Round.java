package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;

/**
 * One round of a demand: its proposer, the plan (null until proposed), the votes in the order cast and
 * its outcome.
 */
public record Round(int number, String proposer, List<PlanRow> plan, List<Vote> votes, Outcome outcome) {
    public enum Outcome { OPEN, ACCEPTED, REJECTED }

    public Round {
        Wire.id(proposer, "proposer");
        plan = plan == null ? null : List.copyOf(plan);
        votes = List.copyOf(votes);
    }

    public static Round open(int number, String proposer) {
        return new Round(number, proposer, null, List.of(), Outcome.OPEN);
    }

    public boolean proposed() {
        return plan != null;
    }

    public long acceptingPpm() {
        return votes.stream().filter(Vote::accept).mapToLong(Vote::ppm).sum();
    }

    public long rejectingPpm() {
        return votes.stream().filter(v -> !v.accept()).mapToLong(Vote::ppm).sum();
    }

    public boolean hasVoted(String voter) {
        return votes.stream().anyMatch(v -> v.voter().equals(voter));
    }

    Round withPlan(List<PlanRow> p) {
        return new Round(number, proposer, p, votes, outcome);
    }

    Round withVote(Vote v) {
        List<Vote> vs = new ArrayList<>(votes);
        vs.add(v);
        return new Round(number, proposer, plan, vs, outcome);
    }

    Round withOutcome(Outcome o) {
        return new Round(number, proposer, plan, votes, o);
    }
}
