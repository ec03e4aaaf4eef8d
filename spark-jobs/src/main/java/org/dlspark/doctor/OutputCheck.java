package org.dlspark.doctor;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output location ({@code --out}, a local path or a Hadoop URI): its parent folder can be created, and a file
 * written in it, renamed and removed, as a job's output folder is written under a temporary name and renamed.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    static Verdict check(String out) {
        Path target = new Path(out);
        Path parent = target.getParent() == null ? target : target.getParent();
        String probe = ".dlspark-doctor-" + UUID.randomUUID();
        try {
            FileSystem fs = target.getFileSystem(new Configuration());
            if (fs.exists(target) && !fs.getFileStatus(target).isDirectory()) {
                return Verdict.fail("output", out + " is a file", "give --out a folder that is new or a folder");
            }
            fs.mkdirs(parent);
            Path written = new Path(parent, probe);
            Path renamed = new Path(parent, probe + ".renamed");
            try (FSDataOutputStream stream = fs.create(written, false)) {
                stream.writeUTF("dlspark doctor");
            }
            if (!fs.rename(written, renamed)) {
                fs.delete(written, false);
                return Verdict.fail("output", "cannot rename files in " + parent,
                        "give --out a location on a file system that renames (local, HDFS)");
            }
            fs.delete(renamed, false);
            return Verdict.pass("output", fs.makeQualified(parent) + " takes new files and renames"
                    + (fs.exists(target) ? "; " + out + " exists already" : ""));
        } catch (IOException | IllegalArgumentException e) {
            return Verdict.fail("output", "cannot write in " + parent + ": " + e.getMessage(),
                    "give --out a location this user can write (check its permissions, quota and free space)");
        }
    }
}
