package org.dlspark.ml;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dlspark.data.text.EmailCorpus;
import org.dlspark.data.text.TextCleaner;

/**
 * An email corpus in the SpamAssassin layout as a DataFrame for {@link DlSparkClassifier}: a {@code text} column
 * (each email's body, its headers dropped as {@code dlspark preprocess} drops them) and a {@code class} column
 * ({@code ham} or {@code spam}). The driver lists the files; the executors read them.
 */
public final class TextFrames {

    /** The columns: the text, and the class name. */
    public static final StructType SCHEMA = new StructType().add("text", DataTypes.StringType, false)
            .add("class", DataTypes.StringType, false);

    private TextFrames() {
    }

    /** The emails under {@code root} (any Hadoop path), one partition per task slot. */
    public static Dataset<Row> emails(SparkSession spark, String root) {
        List<EmailCorpus.EmailFile> files = EmailCorpus.list(root);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(context.parallelize(files, context.defaultParallelism())
                .map(file -> RowFactory.create(TextCleaner.cleanEmail(EmailCorpus.readEmail(file.uri())),
                        file.label())), SCHEMA);
    }
}
