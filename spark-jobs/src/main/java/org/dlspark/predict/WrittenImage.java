package org.dlspark.predict;

/**
 * One image the {@code predict} job wrote, as its JSON line names it.
 *
 * @param id the input's id (the autoencoder), or the sample's number (the GAN)
 * @param image the image file, relative to the job's output folder
 */
record WrittenImage(String id, String image) {
}
