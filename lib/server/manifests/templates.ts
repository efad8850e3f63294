import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMAL_TEMPLATES, type ManifestTemplate } from '@/lib/k8s/manifest-templates';

/** The chapter's manifests, as the book writes them (copied from ../shared/manifests into fixtures/). */
const CHAPTER_DIR = join(process.cwd(), 'fixtures', 'manifests');

/** The chapter's four manifests (by file name), then the minimal one of each common kind. */
export function manifestTemplates(): ManifestTemplate[] {
  let chapter: ManifestTemplate[] = [];
  try {
    chapter = readdirSync(CHAPTER_DIR)
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => ({ id: file.replace(/\.yaml$/, ''), label: file, text: readFileSync(join(CHAPTER_DIR, file), 'utf8') }));
  } catch {
    // A deployment without the fixtures folder still offers the minimal templates.
  }
  return [...chapter, ...MINIMAL_TEMPLATES];
}
