package org.chartroom.nlp.learn;

import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.TrainingParameters;

/**
 * How an OpenNLP maximum-entropy model is trained: L-BFGS ({@code MAXENT_QN}) with L1 and L2 penalties, a feature
 * cutoff and an iteration limit, on one thread, so that the gradient's summation order (and with it the model)
 * depends on the training data alone: the same data give the same model.
 *
 * @param l1Cost     L1 penalty (sparsity)
 * @param l2Cost     L2 penalty
 * @param cutoff     features seen fewer times are dropped
 * @param iterations the iteration limit
 */
public record MaxentSettings(double l1Cost, double l2Cost, int cutoff, int iterations) {
    /** The OpenNLP training parameters. */
    public TrainingParameters parameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(QNTrainer.L1COST_PARAM, l1Cost);
        parameters.put(QNTrainer.L2COST_PARAM, l2Cost);
        parameters.put(QNTrainer.THREADS_PARAM, 1);
        return parameters;
    }
}
