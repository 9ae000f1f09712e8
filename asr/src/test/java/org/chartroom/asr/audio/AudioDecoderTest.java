package org.chartroom.asr.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.chartroom.asr.Fixtures;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.UnprocessableContentException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioDecoderTest {
    @TempDir
    static Path dir;
    static Path speech;
    static double seconds;

    @BeforeAll
    static void speech() {
        Fixtures.assumeTools("ffmpeg", "flite");
        speech = Fixtures.speak("the patient is a sixty year old man with chest pain", "slt", dir.resolve("speech.wav"));
        seconds = readAll(new AudioDecoder("ffmpeg", 600, dir.resolve("spool")).open(speech));
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("wav-44k-stereo-16bit.wav", new String[] {"-ar", "44100", "-ac", "2"}),
                Arguments.of("wav-8k-8bit.wav", new String[] {"-ar", "8000", "-acodec", "pcm_u8"}),
                Arguments.of("wav-48k-24bit.wav", new String[] {"-ar", "48000", "-acodec", "pcm_s24le"}),
                Arguments.of("wav-22k-float.wav", new String[] {"-ar", "22050", "-acodec", "pcm_f32le"}),
                Arguments.of("speech.flac", new String[] {}),
                Arguments.of("speech.mp3", new String[] {"-ar", "44100"}),
                Arguments.of("speech.ogg", new String[] {"-acodec", "libvorbis"}),
                Arguments.of("speech.opus", new String[] {"-acodec", "libopus"}),
                Arguments.of("speech.m4a", new String[] {"-acodec", "aac"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyCommonFormatDecodesTo16kMonoOfTheSameLength(String name, String[] options) throws IOException {
        Path file = Fixtures.convert(speech, dir.resolve(name), options);
        AudioDecoder decoder = new AudioDecoder("ffmpeg", 600, dir.resolve("spool"));
        double fromFile = readAll(decoder.open(file));
        assertEquals(seconds, fromFile, 0.15, "length of " + name);
        try (InputStream upload = Files.newInputStream(file)) {
            assertEquals(seconds, readAll(decoder.open(upload)), 0.15, "length of " + name + " read as a stream");
        }
        try (Stream<Path> spooled = Files.list(dir.resolve("spool"))) {
            assertEquals(0, spooled.count(), "the spool file is removed after decoding");
        }
    }

    @Test
    void theDeclaredLengthIsProbedForProgressOnly() throws IOException {
        AudioDecoder decoder = new AudioDecoder("ffmpeg", 600, dir.resolve("spool"));
        assertEquals(seconds, decoder.declaredSeconds(speech), 0.1);
        assertEquals(0, decoder.declaredSeconds(Fixtures.writeBytes(dir.resolve("junk.bin"), new byte[100])));
        assertEquals("ffprobe", AudioDecoder.ffprobeBeside("ffmpeg"));
        assertEquals(Path.of("/opt/ff/bin/ffprobe").toString(), AudioDecoder.ffprobeBeside("/opt/ff/bin/ffmpeg"));
        try (DecodedAudio quiet = decoder.open(speech)) {
            assertEquals(0, quiet.declaredSeconds(), "not probed when no one asks for progress");
        }
    }

    @Test
    void corruptBytesAreUnprocessableNotACrash() {
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        AudioDecoder decoder = new AudioDecoder("ffmpeg", 600, dir.resolve("spool"));
        UnprocessableContentException e = assertThrows(UnprocessableContentException.class,
                () -> readAll(decoder.open(new ByteArrayInputStream(noise))));
        assertTrue(e.getMessage().contains("cannot be decoded"), e.getMessage());
        assertTrue(!e.getMessage().contains(dir.toString()), "the message does not leak the spool path");
    }

    @Test
    void textAndEmptyFilesAreUnprocessable() {
        AudioDecoder decoder = new AudioDecoder("ffmpeg", 600, dir.resolve("spool"));
        assertThrows(UnprocessableContentException.class, () -> readAll(decoder.open(
                new ByteArrayInputStream("HISTORY: not audio at all\n".getBytes()))));
        assertThrows(UnprocessableContentException.class, () -> readAll(decoder.open(
                new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    void truncatedMp3StillDecodesWhatIsThereButAHeaderOnlyFileIsRefused() throws IOException {
        Path mp3 = Fixtures.convert(speech, dir.resolve("cut.mp3"));
        byte[] bytes = Files.readAllBytes(mp3);
        byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        double partial = readAll(new AudioDecoder("ffmpeg", 600, dir.resolve("spool"))
                .open(new ByteArrayInputStream(half)));
        assertTrue(partial > 0 && partial < seconds, "half an MP3 gives part of the audio: " + partial);
        Path wav = dir.resolve("header-only.wav");
        Files.write(wav, java.util.Arrays.copyOf(Files.readAllBytes(speech), 44));
        assertThrows(UnprocessableContentException.class,
                () -> readAll(new AudioDecoder("ffmpeg", 600, dir.resolve("spool")).open(wav)));
    }

    @Test
    void audioLongerThanTheLimitIsRefusedWith413() {
        AudioDecoder decoder = new AudioDecoder("ffmpeg", 1.0, dir.resolve("spool"));
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> readAll(decoder.open(speech)));
        assertTrue(e.getMessage().contains("CHARTROOM_ASR_MAX_SECONDS"), e.getMessage());
    }

    @Test
    void aMissingFfmpegNamesTheFix() {
        AudioDecoder decoder = new AudioDecoder("/nonexistent/ffmpeg", 600, dir.resolve("spool"));
        var e = assertThrows(org.chartroom.core.error.ConfigurationException.class, () -> decoder.open(speech));
        assertTrue(e.getMessage().contains("CHARTROOM_FFMPEG"), e.getMessage());
    }

    /** Reads the PCM in small chunks, as the engines do, and returns its length in seconds. */
    static double readAll(DecodedAudio pcm) {
        try (pcm) {
            byte[] buffer = new byte[4096];
            while (pcm.read(buffer) >= 0) {
                // streamed: nothing kept
            }
            return pcm.seconds();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
