/*
 * What ffprobe tells about an upload, as the rest of the pipeline reads it. Its own file (types only), so that the
 * command builders and the ladder can name it without importing the prober, which imports the command builders.
 */

export type Rotation = 0 | 90 | 180 | 270;

export interface ProbeResult {
  durationSeconds: number;
  /** Index of the chosen video stream in the file (for `-map 0:<index>`). */
  videoStreamIndex: number;
  /** Display size: sample aspect ratio applied, swapped when rotated 90/270. */
  width: number;
  height: number;
  /** Size of the picture as stored (before sample aspect ratio and rotation). */
  storedWidth: number;
  storedHeight: number;
  /** Clockwise degrees the stored picture must be turned to be upright. */
  rotation: Rotation;
  videoCodec: string;
  profile: string | null;
  /** H.264/HEVC level as ffprobe reports it (e.g. 31 for 3.1), null when unknown. */
  level: number | null;
  pixFmt: string | null;
  /** Average frame rate (frames per second), 0 when unknown. */
  frameRate: number;
  variableFrameRate: boolean;
  /** Video bit rate in bits per second, null when neither the stream nor the container tells. */
  videoBitRate: number | null;
  hasAudio: boolean;
  audioCodec: string | null;
  /** e.g. "LC", "HE-AAC". */
  audioProfile: string | null;
  audioChannels: number | null;
  audioBitRate: number | null;
  formatName: string;
  sizeBytes: number | null;
}
