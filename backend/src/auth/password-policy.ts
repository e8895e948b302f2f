import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../common/paths';
import { passwordRules } from './password';

let commonPasswords: Set<string> | undefined;

/** The shipped list of common passwords (backend/resources/common-passwords.txt), read once. */
function common(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(projectRoot(), 'backend/resources/common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** Words anyone would try first against this application. */
const contextWords = ['passerelles', 'sceaux', 'villedesceaux', 'mairie', 'relationsinternationales'];

/**
 * Why a new password is refused, in French, or null when it is acceptable: 12 to 128 characters (code
 * points, so that accented letters count once), not one of the common passwords (nor one dressed up
 * with digits or signs around it), not the account's e-mail or the application's name. No composition
 * rules and no forced rotation, as NIST SP 800-63B and OWASP ASVS 5.0 advise.
 */
export function passwordProblem(password: string, context: { email?: string | undefined } = {}): string | null {
  const length = [...password].length;
  if (length < passwordRules.minLength) {
    return `Le mot de passe doit compter au moins ${passwordRules.minLength} caractères (une phrase de plusieurs mots convient bien).`;
  }
  if (length > passwordRules.maxLength) return `Le mot de passe doit compter au plus ${passwordRules.maxLength} caractères.`;
  const lower = password.normalize('NFC').toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const compact = core.replace(/[^\p{L}\p{N}]+/gu, '');
  if (common().has(lower) || common().has(core) || common().has(compact)) {
    return 'Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const guessable = [...contextWords, ...(local && local.length >= 4 ? [local] : [])];
  if (guessable.includes(compact) || (context.email && lower === context.email.trim().toLowerCase())) {
    return 'Ce mot de passe est trop facile à deviner : il reprend votre adresse e-mail ou le nom de l’application.';
  }
  return null;
}
