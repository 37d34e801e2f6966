package dev.gatehouse.scanner.parse;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The lines of a source text without copying them up front: only line offsets are computed,
 * and a line becomes a String when a rule or a suppression check asks for it. Parsing every
 * file of an organization would otherwise allocate a String per line that is rarely read.
 */
final class SourceLines extends AbstractList<String> implements RandomAccess {

  private final String text;
  private final int[] starts;
  private final int count;

  SourceLines(String text) {
    this.text = text;
    int[] s = new int[64];
    int n = 0;
    s[n++] = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
      }
      s[n++] = nl + 1;
    }
    this.starts = s;
    this.count = n;
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("line " + index + " of " + count);
    }
    int start = starts[index];
    int end = index + 1 < count ? starts[index + 1] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  @Override
  public int size() {
    return count;
  }
}
