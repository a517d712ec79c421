export {
  toHex,
  fromHex,
  tryFromHex,
  toBase64,
  fromBase64,
  tryFromBase64,
  bytesEqual,
  concatBytes,
  utf8,
  tryDecodeUtf8,
  uint64BigEndian,
} from './bytes.js';
