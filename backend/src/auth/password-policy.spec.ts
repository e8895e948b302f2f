import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { Problem } from '../http/problem';
import { createUser } from '../users/users.service';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts 12 to 128 characters, counting accented letters once, with no composition rules', () => {
    expect(passwordProblem('les cerisiers du parc')).toBeNull();
    expect(passwordProblem('éléphantçàèù')).withContext('12 letters, some accented').toBeNull();
    expect(passwordProblem('a'.repeat(11) + 'b')).toBeNull();
    expect(passwordProblem('x'.repeat(128))).toBeNull();
  });

  it('refuses shorter or longer passwords with a clear French message', () => {
    expect(passwordProblem('court')).toContain('au moins 12 caractères');
    expect(passwordProblem('onzecaracte')).toContain('au moins 12 caractères');
    expect(passwordProblem('x'.repeat(129))).toContain('au plus 128 caractères');
  });

  it('refuses the common passwords of the shipped list, also dressed up with digits, signs or capitals', () => {
    for (const common of ['qwertyuiop123', '1qaz2wsx3edc', 'Password123456', 'azertyuiop!!!!', '2024 motdepasse', 'Soleil1234567', 'P.A.S.S.W.O.R.D.1']) {
      expect(passwordProblem(common)).withContext(common).toContain('plus courants');
    }
  });

  it('refuses the e-mail address and the application’s name', () => {
    expect(passwordProblem('marie.dupont@sceaux.fr', { email: 'marie.dupont@sceaux.fr' })).toContain('trop facile à deviner');
    expect(passwordProblem('MarieDupont2024', { email: 'marie.dupont@sceaux.fr' })).toContain('trop facile à deviner');
    expect(passwordProblem('passerelles2026!')).toContain('trop facile à deviner');
  });

  it('applies to account creation (and so to the user:create command)', async () => {
    const attempt = createUser({ email: `weak-${Date.now()}@test.passerelles.local`, role: 'officer', password: 'qwertyuiop123' });
    await expectAsync(attempt).toBeRejectedWith(jasmine.any(Problem));
    await attempt.catch((problem: Problem) => {
      expect(problem.errors?.[0]?.path).toBe('password');
      expect(problem.errors?.[0]?.message).toContain('plus courants');
    });
  });

  it('applies to ADMIN_PASSWORD at start, with one clear line', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelles-policy-'));
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@sceaux.fr', ADMIN_PASSWORD: 'azertyuiop123' })).toThrowMatching(
      (error) => error instanceof ConfigError && error.message.includes('ADMIN_PASSWORD') && error.message.includes('plus courants'),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@sceaux.fr', ADMIN_PASSWORD: 'court' })).toThrowError(ConfigError, /12 caractères/);
    expect(loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@sceaux.fr', ADMIN_PASSWORD: 'une longue phrase de passe' }).admin?.password).toBe('une longue phrase de passe');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
