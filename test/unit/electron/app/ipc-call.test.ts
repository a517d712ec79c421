import { describe, expect, it } from 'vitest';
import { answerStageFile } from '../../../../electron/app/ipc-call.js';

const OURS = 'app://workbench/index.html';

describe('answerStageFile', () => {
  const stage = async (p: string) => ({ ok: true as const, result: { staged: p } });

  describe('given our renderer and an absolute path', () => {
    it('stages it', async () => {
      expect(await answerStageFile(OURS, '/home/me/release.tar.gz', stage)).toEqual({ ok: true, result: { staged: '/home/me/release.tar.gz' } });
    });
  });

  describe('given another sender', () => {
    it('refuses with sender_untrusted before looking at the path', async () => {
      for (const sender of ['https://evil.example/', 'file:///tmp/x.html', '', null, undefined]) {
        const answer = await answerStageFile(sender, '/etc/passwd', stage);
        expect(answer.ok, String(sender)).toBe(false);
        expect(!answer.ok && answer.error.code).toBe('sender_untrusted');
      }
    });
  });

  describe('given something that is not a file path', () => {
    it('refuses with artifact_not_file', async () => {
      // '' is what the preload sends for a File that has no path (made by the page, not picked).
      for (const given of ['', 'relative/file', 42, null, '/a\u0000b', `/${'a'.repeat(5000)}`]) {
        const answer = await answerStageFile(OURS, given, stage);
        expect(!answer.ok && answer.error.code, JSON.stringify(given)?.slice(0, 20)).toBe('artifact_not_file');
      }
    });
  });
});
