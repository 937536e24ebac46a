import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Lower-case hex SHA-256 of a string's UTF-8 bytes, synchronously (a small, audited pure-JS
 * hasher): one Web Crypto call per audit event costs more in promise overhead than in hashing.
 */
export const sha256Hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
