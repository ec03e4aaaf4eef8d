package org.dlspark.ml;

import java.util.List;
import org.dlspark.train.EpochReport;

/**
 * What a {@link DlSparkClassifier#fit} measured, saved with the model as {@code metrics.json}, as {@code dlspark train} saves its own (the figure
 * {@code dlspark registry} records is {@code accuracy}).
 *
 * @param model the zoo family
 * @param strategy how the workers combined their work
 * @param workers the data-parallel workers
 * @param epochs the epochs fitted
 * @param batchSize examples per minibatch on each worker
 * @param trainExamples the training rows
 * @param trainSeconds the time spent fitting
 * @param examplesPerSecond training rows fitted per second
 * @param accuracy the accuracy on {@code evaluatedOn}
 * @param macroF1 the macro-averaged F1 score on {@code evaluatedOn}
 * @param evaluatedOn the rows held out ({@code validationFraction}), else the training rows
 * @param history one report per epoch
 */
record FitMetrics(String model, String strategy, int workers, int epochs, int batchSize, long trainExamples,
        double trainSeconds, double examplesPerSecond, double accuracy, double macroF1, String evaluatedOn,
        List<EpochReport> history) {
}
