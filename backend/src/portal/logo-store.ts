import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { problems } from '../http/problem';
import { logoRules } from './portal.schema';

type LogoType = { extension: 'png' | 'jpg' | 'webp'; contentType: string; sizeType: string; matches: (data: Buffer) => boolean };

/** The only image formats accepted, recognised by their first bytes (never by a name or a declared type). */
const logoTypes: LogoType[] = [
  { extension: 'png', contentType: 'image/png', sizeType: 'png', matches: (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { extension: 'jpg', contentType: 'image/jpeg', sizeType: 'jpg', matches: (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff },
  {
    extension: 'webp',
    contentType: 'image/webp',
    sizeType: 'webp',
    matches: (data) => data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** No PNG, JPEG or WebP image with its header and any pixel is smaller. */
const minimumImageBytes = 60;

const storedName = /^[a-f0-9]{32}\.(png|jpg|webp)$/;

const refused = (message: string) => problems.invalid([{ path: 'logo', message }], 'Ce logo est refusé.');

export type CheckedLogo = { data: Buffer; type: LogoType; width: number; height: number };

/** Decodes and checks a logo: its format by content, its weight, its dimensions. */
export function checkLogo(base64: string): CheckedLogo {
  // A copy with a buffer of its own: the image parser must never read past the file into pooled memory.
  const data = Buffer.from(new Uint8Array(Buffer.from(base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''), 'base64')));
  if (data.length === 0) throw refused('Le fichier est vide.');
  if (data.length > logoRules.maxBytes) throw refused(`Le logo pèse ${Math.ceil(data.length / 1024)} Ko : ${logoRules.maxBytes / 1024} Ko au plus.`);
  const type = logoTypes.find((candidate) => candidate.matches(data));
  if (!type) throw refused('Ce fichier n’est pas une image PNG, JPEG ou WebP.');
  if (data.length < minimumImageBytes) throw refused('Cette image est illisible ou abîmée.');
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(data);
  } catch {
    throw refused('Cette image est illisible ou abîmée.');
  }
  const { width, height } = size;
  if (size.type !== type.sizeType || !width || !height) throw refused('Cette image est illisible ou abîmée.');
  if (width < logoRules.minSide || height < logoRules.minSide) {
    throw refused(`L’image mesure ${width} × ${height} pixels : ${logoRules.minSide} pixels de côté au moins.`);
  }
  if (width > logoRules.maxSide || height > logoRules.maxSide) {
    throw refused(`L’image mesure ${width} × ${height} pixels : ${logoRules.maxSide} pixels de côté au plus.`);
  }
  return { data, type, width, height };
}

const logoDir = (dataDir: string) => path.join(dataDir, 'logos');

/** Writes a checked logo under DATA_DIR/logos with a random name, which it answers. */
export async function storeLogo(dataDir: string, logo: CheckedLogo): Promise<string> {
  const name = `${randomBytes(16).toString('hex')}.${logo.type.extension}`;
  await mkdir(logoDir(dataDir), { recursive: true });
  await writeFile(path.join(logoDir(dataDir), name), logo.data, { flag: 'wx' });
  return name;
}

/** A stored logo and its content type, or a 404. */
export async function readLogo(dataDir: string, name: string | null | undefined) {
  if (!name || !storedName.test(name)) throw problems.notFound('Pas de logo.');
  const type = logoTypes.find((candidate) => name.endsWith(`.${candidate.extension}`))!;
  try {
    return { data: await readFile(path.join(logoDir(dataDir), name)), contentType: type.contentType };
  } catch {
    throw problems.notFound('Pas de logo.');
  }
}

/** Where a logo that cannot be removed is reported: the request's logger. */
export type LogoLog = { warn: (details: object, message: string) => void };

/**
 * Removes a stored logo that nothing refers to any more. One that cannot be removed (already gone) is
 * logged and never fails the request: the records are right, only a file is left over or was missing.
 */
export async function removeLogo(dataDir: string, name: string, log: LogoLog) {
  if (!storedName.test(name)) return;
  try {
    await rm(path.join(logoDir(dataDir), name));
  } catch (error) {
    log.warn({ err: error, logo: name }, 'logo file not removed');
  }
}
