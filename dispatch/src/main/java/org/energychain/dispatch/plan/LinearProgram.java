package org.energychain.dispatch.plan;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.List;

/**
 * A sparse linear programme, or a convex quadratic one with a diagonal (separable) Hessian, solved by Google
 * OR-Tools and answered with primal values and the dual value of every row. DC-OPF needs the duals: the
 * price at a bus is the dual of its balance row and a line's shadow price the dual of its limit.
 *
 * <p>Linear programmes go to GLOP (a primal/dual simplex: exact vertex optimum, exact duals), built anew for
 * each solve (its incremental re-solve after added rows was slower, and once did not end); should the
 * simplex report numerical trouble, the programme goes to PDLP instead. A quadratic
 * objective goes to PDLP (OR-Tools' first-order primal-dual method for convex QPs with a diagonal objective
 * matrix), run to relative and absolute accuracy {@value #PDLP_EPS}. In the fast mode linear programmes go to
 * PDLP too, to {@value #FAST_EPS} (a day of 1,000 sources: seconds instead of minutes).
 *
 * <p>Duals follow OR-Tools' convention for minimisation: the dual of a row is the rate at which the optimum
 * rises when the row's active bound rises.
 */
final class LinearProgram implements AutoCloseable {
    /** PDLP's termination accuracy (relative and absolute, on the primal, dual residuals and the gap). */
    static final double PDLP_EPS = 1e-10;
    /**
     * PDLP's accuracy in the fast mode: relative and absolute 1e-6. On a day of 1,000 sources on case118 the
     * cost is within 3e-8 of GLOP's exact optimum and no constraint is off by more than 0.01 MW.
     */
    static final double FAST_EPS = 1e-6;
    private static boolean loaded;
    private final boolean fast;

    /**
     * @param fast solve linear programmes too with PDLP to {@value #FAST_EPS} instead of GLOP's exact vertex
     *             (large whole-day programmes, where the simplex takes minutes)
     */
    LinearProgram(boolean fast) {
        this.fast = fast;
    }

    private final List<double[]> columns = new ArrayList<>(); // lo, hi, linear cost, quadratic diagonal
    private final List<Row> rows = new ArrayList<>();
    private double offset;
    private boolean quadratic;
    private MPSolver glop;
    private final List<MPVariable> glopVars = new ArrayList<>();
    private final List<MPConstraint> glopRows = new ArrayList<>();

    private record Row(double lo, double hi, int[] index, double[] value) {
    }

    /** The answer of a solve. */
    record Solution(boolean optimal, String status, double objective, double[] x, double[] dual) {
    }

    static synchronized void loadNatives() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** Adds a column with bounds (infinite allowed) and linear cost; returns its index. */
    int column(double lo, double hi, double cost) {
        columns.add(new double[] {lo, hi, cost, 0});
        return columns.size() - 1;
    }

    /** Adds {@code q·x²} to the objective for column {@code j} (q ≥ 0). */
    void quadratic(int j, double q) {
        if (q != 0) {
            columns.get(j)[3] += q;
            quadratic = true;
        }
    }

    void objectiveOffset(double value) {
        offset += value;
    }

    /** Adds a row {@code lo ≤ Σ value[k]·x[index[k]] ≤ hi}; returns its index. */
    int row(double lo, double hi, int[] index, double[] value) {
        rows.add(new Row(lo, hi, index.clone(), value.clone()));
        return rows.size() - 1;
    }

    int columns() {
        return columns.size();
    }

    int rows() {
        return rows.size();
    }

    boolean isQuadratic() {
        return quadratic;
    }

    /** The solver that {@link #solve()} uses, with its accuracy. */
    String solverName() {
        return quadratic || fast ? "PDLP " + (fast ? FAST_EPS : PDLP_EPS) : "GLOP";
    }

    Solution solve() {
        loadNatives();
        return quadratic || fast ? solvePdlp() : solveGlop();
    }

    private Solution solveGlop() {
        if (glop != null) { // GLOP's incremental re-solve after added rows was slower, once without end
            glop.delete();
            glop = null;
            glopVars.clear();
            glopRows.clear();
        }
        if (glop == null) {
            glop = MPSolver.createSolver("GLOP");
            if (glop == null) {
                throw new IllegalStateException("OR-Tools GLOP is not available");
            }

        }
        double inf = MPSolver.infinity();
        MPObjective obj = glop.objective();
        for (int j = glopVars.size(); j < columns.size(); j++) {
            double[] c = columns.get(j);
            MPVariable v = glop.makeNumVar(bound(c[0], inf), bound(c[1], inf), "");
            glopVars.add(v);
            obj.setCoefficient(v, c[2]);
        }
        obj.setOffset(offset);
        obj.setMinimization();
        for (int i = glopRows.size(); i < rows.size(); i++) {
            Row r = rows.get(i);
            MPConstraint con = glop.makeConstraint(bound(r.lo, inf), bound(r.hi, inf), "");
            for (int k = 0; k < r.index.length; k++) {
                con.setCoefficient(glopVars.get(r.index[k]), r.value[k]);
            }
            glopRows.add(con);
        }
        MPSolver.ResultStatus status = glop.solve();
        if (status == MPSolver.ResultStatus.ABNORMAL || status == MPSolver.ResultStatus.NOT_SOLVED) {
            return solvePdlp(); // numerical trouble in the simplex: the first-order method, to 1e-10
        }
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        double[] x = new double[columns.size()];
        double[] dual = new double[rows.size()];
        if (optimal) {
            for (int j = 0; j < x.length; j++) {
                x[j] = glopVars.get(j).solutionValue();
            }
            for (int i = 0; i < dual.length; i++) {
                dual[i] = glopRows.get(i).dualValue();
            }
        }
        return new Solution(optimal, status.name(), optimal ? obj.value() : Double.NaN, x, dual);
    }

    private static double bound(double v, double inf) {
        return v == Double.POSITIVE_INFINITY ? inf : v == Double.NEGATIVE_INFINITY ? -inf : v;
    }

    private Solution solvePdlp() {
        MPModelProto.Builder m = MPModelProto.newBuilder().setMaximize(false).setObjectiveOffset(offset);
        MPQuadraticObjective.Builder q = MPQuadraticObjective.newBuilder();
        for (int j = 0; j < columns.size(); j++) {
            double[] c = columns.get(j);
            m.addVariable(MPVariableProto.newBuilder().setLowerBound(c[0]).setUpperBound(c[1])
                    .setObjectiveCoefficient(c[2]));
            if (c[3] != 0) {
                q.addQvar1Index(j).addQvar2Index(j).addCoefficient(c[3]);
            }
        }
        m.setQuadraticObjective(q);
        for (Row r : rows) {
            MPConstraintProto.Builder c = MPConstraintProto.newBuilder().setLowerBound(r.lo).setUpperBound(r.hi);
            for (int k = 0; k < r.index.length; k++) {
                c.addVarIndex(r.index[k]).addCoefficient(r.value[k]);
            }
            m.addConstraint(c);
        }
        double eps = fast ? FAST_EPS : PDLP_EPS;
        String params = "num_threads: 1 termination_criteria { simple_optimality_criteria { eps_optimal_absolute: "
                + eps + " eps_optimal_relative: " + eps + " } iteration_limit: 2000000 }";
        MPModelRequest request = MPModelRequest.newBuilder().setModel(m)
                .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
                .setSolverSpecificParameters(params).build();
        MPSolutionResponse r = MPSolver.solveWithProto(request);
        boolean optimal = r.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL;
        double[] x = new double[columns.size()];
        double[] dual = new double[rows.size()];
        if (optimal) {
            for (int j = 0; j < x.length; j++) {
                x[j] = r.getVariableValue(j);
            }
            for (int i = 0; i < dual.length; i++) {
                dual[i] = r.getDualValue(i);
            }
        }
        return new Solution(optimal, r.getStatus().name() + (r.getStatusStr().isEmpty() ? "" : " " + r.getStatusStr()),
                optimal ? r.getObjectiveValue() : Double.NaN, x, dual);
    }

    @Override
    public void close() {
        if (glop != null) {
            glop.delete();
            glop = null;
        }
    }
}
