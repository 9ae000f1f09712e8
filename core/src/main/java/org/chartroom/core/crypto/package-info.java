/**
 * Encryption at rest, with the JDK's {@code javax.crypto} only. A {@link org.chartroom.core.crypto.KeyRing} holds the
 * master keys (loaded by {@link org.chartroom.core.crypto.MasterKeys} from the environment or a PKCS12 keystore);
 * every stored object has its own random data key, wrapped by the current master key (AES key wrap, RFC 3394) and
 * kept in the object's header with the master key's id, so that rotating the master key rewrites headers only.
 * {@link org.chartroom.core.crypto.SealedFile} is the object format (AES-256-GCM in 64 KiB segments: streaming,
 * authenticated, truncation- and reorder-proof); {@link org.chartroom.core.crypto.Encryption} is what the stores are
 * given, on or off. Lives in core because every store module needs it and it needs nothing but the JDK.
 */
package org.chartroom.core.crypto;
