/** Per-installation settings kept in the data folder: facilitator profile, language, recent files, installation id.
 * Written atomically (temp file + rename) so a crash never leaves half a file. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { uuidv7 } from '../ids';

const ConfigSchema = z.object({
  installationId: z.string(),
  language: z.enum(['id', 'en']).default('id'),
  profile: z.object({ id: z.string(), name: z.string(), institution: z.string() }).nullable().default(null),
  recent: z.array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() })).default([]),
  lastOpened: z.string().nullable().default(null),
});
export type AppConfigData = z.infer<typeof ConfigSchema>;

const MAX_RECENT = 12;

export class AppConfig {
  private data: AppConfigData;
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, 'config.json');
    fs.mkdirSync(dataDir, { recursive: true });
    this.data = this.load();
  }

  private load(): AppConfigData {
    try {
      const parsed = ConfigSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
      // Unreadable settings are kept aside, never silently overwritten.
      fs.copyFileSync(this.file, `${this.file}.unreadable-${Date.now()}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        try { fs.copyFileSync(this.file, `${this.file}.unreadable-${Date.now()}`); } catch { /* nothing to keep */ }
      }
    }
    const fresh = ConfigSchema.parse({ installationId: crypto.randomUUID() });
    this.data = fresh;
    this.save();
    return fresh;
  }

  get(): Readonly<AppConfigData> { return this.data; }

  update(mutate: (d: AppConfigData) => void): void {
    const next = structuredClone(this.data);
    mutate(next);
    this.data = ConfigSchema.parse(next);
    this.save();
  }

  private save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    fs.renameSync(tmp, this.file);
  }

  setProfile(name: string, institution: string): AppConfigData['profile'] {
    this.update((d) => { d.profile = { id: d.profile?.id ?? uuidv7(), name, institution }; });
    return this.data.profile;
  }

  touchRecent(file: string, title: string): void {
    this.update((d) => {
      d.recent = [{ path: file, title, openedAt: new Date().toISOString() }, ...d.recent.filter((r) => r.path !== file)].slice(0, MAX_RECENT);
      d.lastOpened = file;
    });
  }

  forgetRecent(file: string): void {
    this.update((d) => {
      d.recent = d.recent.filter((r) => r.path !== file);
      if (d.lastOpened === file) d.lastOpened = null;
    });
  }
}
