package dev.gatehouse.scanner.collect;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * ETags that survive restarts: one file per URL (named by its SHA-256) holding the URL, ETag
 * and body, written atomically. A corrupt or foreign file is ignored (a cache miss).
 */
public final class FileEtagStore implements EtagStore {

  private final Path dir;

  public FileEtagStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  @Override
  public Optional<Entry> get(String url) {
    Path file = dir.resolve(name(url));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      if (!in.readUTF().equals(url)) {
        return Optional.empty();
      }
      String etag = in.readUTF();
      byte[] body = in.readNBytes(in.readInt());
      return Optional.of(new Entry(etag, body));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void put(String url, Entry entry) {
    Path target = dir.resolve(name(url));
    try {
      Path tmp = Files.createTempFile(dir, "etag", ".tmp");
      try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
        out.writeUTF(url);
        out.writeUTF(entry.etag());
        out.writeInt(entry.body().length);
        out.write(entry.body());
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Losing a cache entry costs one rate-limit point next time, never correctness.
    }
  }

  private static String name(String url) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
