/*
 * loadKey(spkiDer) -> handle | null;  verifyDigest(handle, digest, signature, hashName) -> boolean
 *
 * Verifies a signature over an already computed digest with the OpenSSL that Node itself links
 * (its symbols are exported by the node binary, so nothing else is linked): EVP_PKEY_verify is
 * OpenSSL's "pkeyutl -verify", which, unlike EVP_DigestVerify behind node:crypto, does not hash.
 * ECDSA signatures are ASN.1 DER; RSA is PKCS #1 v1.5 with the DigestInfo of `hashName`.
 * A key is parsed once into a handle (freed with it by the GC). Malformed signatures verify as
 * false; only wrong argument types throw.
 */
#include <node_api.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

static int bytes_of(napi_env env, napi_value value, const unsigned char **data, size_t *length) {
  bool is_typed;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return 0;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  void *raw;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, &buffer, &offset) != napi_ok || type != napi_uint8_array) return 0;
  *data = (const unsigned char *)raw;
  return 1;
}

static void free_key(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  EVP_PKEY_free((EVP_PKEY *)data);
}

/* loadKey(spkiDer) -> an opaque key handle, or null when the bytes are not exactly one SubjectPublicKeyInfo. */
static napi_value load_key(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value args[1];
  napi_value result;
  const unsigned char *spki;
  size_t spki_length;
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok || argc != 1 || !bytes_of(env, args[0], &spki, &spki_length)) {
    napi_throw_type_error(env, NULL, "loadKey(spkiDer: Uint8Array)");
    return NULL;
  }
  const unsigned char *cursor = spki;
  EVP_PKEY *key = d2i_PUBKEY(NULL, &cursor, (long)spki_length);
  if (key == NULL || cursor != spki + spki_length) {
    EVP_PKEY_free(key);
    napi_get_null(env, &result);
    return result;
  }
  if (napi_create_external(env, key, free_key, NULL, &result) != napi_ok) {
    EVP_PKEY_free(key);
    napi_throw_error(env, NULL, "cannot wrap the key");
    return NULL;
  }
  return result;
}

/* verifyDigest(keyHandle, digest, signature, hashName) -> boolean */
static napi_value verify_digest(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value args[4];
  napi_value result;
  void *key_data;
  const unsigned char *digest, *signature;
  size_t digest_length, signature_length;
  char hash_name[16];
  size_t hash_name_length;
  napi_valuetype key_type;
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok || argc != 4 || napi_typeof(env, args[0], &key_type) != napi_ok ||
      key_type != napi_external || napi_get_value_external(env, args[0], &key_data) != napi_ok ||
      !bytes_of(env, args[1], &digest, &digest_length) || !bytes_of(env, args[2], &signature, &signature_length) ||
      napi_get_value_string_utf8(env, args[3], hash_name, sizeof hash_name, &hash_name_length) != napi_ok) {
    napi_throw_type_error(env, NULL, "verifyDigest(key: handle from loadKey, digest: Uint8Array, signature: Uint8Array, hashName: string)");
    return NULL;
  }
  int ok = 0;
  const EVP_MD *md = EVP_get_digestbyname(hash_name);
  EVP_PKEY_CTX *ctx = md != NULL ? EVP_PKEY_CTX_new((EVP_PKEY *)key_data, NULL) : NULL;
  if (ctx != NULL && EVP_PKEY_verify_init(ctx) == 1 && EVP_PKEY_CTX_set_signature_md(ctx, md) == 1) {
    ok = EVP_PKEY_verify(ctx, signature, signature_length, digest, digest_length) == 1;
  }
  EVP_PKEY_CTX_free(ctx);
  napi_get_boolean(env, ok, &result);
  return result;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  napi_value fn;
  napi_create_function(env, "loadKey", NAPI_AUTO_LENGTH, load_key, NULL, &fn);
  napi_set_named_property(env, exports, "loadKey", fn);
  napi_create_function(env, "verifyDigest", NAPI_AUTO_LENGTH, verify_digest, NULL, &fn);
  napi_set_named_property(env, exports, "verifyDigest", fn);
  return exports;
}
