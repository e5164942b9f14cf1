import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace';
import { createProgram, getProgram, updateProgram } from '../../electron/core/services/programs';
import { exportWork, readIncoming } from '../../electron/core/sync/service';
import { tmpDir } from '../helpers/tmp';

function laptop(name: string) {
  const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
  ws.saveProfile(name, 'Tim Pendamping');
  return ws;
}

describe('sync folder', () => {
  it('each laptop writes only its own file and merges the others; a missing folder is a state, not an error', () => {
    const a = laptop('Ayu'), b = laptop('Made');
    a.create({ regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
    const file = path.join(tmpDir(), 'awal.rembuk');
    fs.writeFileSync(file, exportWork(a.require(), { facilitator: 'Ayu', appVersion: 'test' }).bytes);
    b.join(readIncoming(file));
    const shared = tmpDir();
    expect(a.setSyncFolder(shared).folder.state).toBe('ok');
    expect(b.setSyncFolder(shared).folder.state).toBe('ok');
    expect(fs.readdirSync(shared).length).toBe(2);

    const opd = a.require().prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a.require(), { leadOpdId: opd, title: 'Smart River Walk' });
    a.writeSyncFolderNow();
    b.syncFolderNow();
    expect(getProgram(b.require(), p.id).title).toBe('Smart River Walk');

    updateProgram(b.require(), p.id, { notes: 'Libatkan Dinas PUPR' });
    b.writeSyncFolderNow();
    a.syncFolderNow();
    expect(getProgram(a.require(), p.id).notes).toBe('Libatkan Dinas PUPR');

    // every file in the folder was written by its own device only
    const own = (ws: Workspace) => `rembuk-${ws.require().masterplanId()}-${ws.require().deviceId}.rembuk`;
    expect(fs.readdirSync(shared).sort()).toEqual([own(a), own(b)].sort());

    // the USB stick is pulled out: a state, nothing lost, and it recovers
    const away = `${shared}-away`;
    fs.renameSync(shared, away);
    updateProgram(a.require(), p.id, { title: 'Smart River Walk Tukad Badung' });
    a.writeSyncFolderNow();
    a.syncFolderNow();
    expect(a.syncStatus().folder.state).toBe('unavailable');
    fs.renameSync(away, shared);
    a.writeSyncFolderNow();
    expect(a.syncStatus().folder.state).toBe('ok');
    b.syncFolderNow();
    expect(getProgram(b.require(), p.id).title).toBe('Smart River Walk Tukad Badung');
    a.close(); b.close();
  });
});
