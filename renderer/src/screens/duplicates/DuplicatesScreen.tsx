/** Duplicate review (Alt+6): clusters of likely duplicates across the masterplan, strongest first, then the possible
 * ones (or the likely ones alone), each with merge
 * (surviving program + lead OPD; the others' OPDs become related OPDs), complementary (a synergy link with a note on
 * each OPD's role) or not a duplicate (remembered). Undo of past merges. And the synergy map: OPD × OPD heat matrix of
 * shared and complementary programs, with the links of the chosen pair. */
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Center, Divider, Group, Loader, Paper, Radio, SegmentedControl, Select, Stack, Table, Tabs, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateCluster, NotDuplicateEntry, SynergyLink, SynergyMap } from '../../../../shared/api/schemas';
import { CLUSTERS_MAX, CLUSTERS_PAGE } from '../../../../shared/api/operations';
import { DIMENSIONS, labelOf, type Lang } from '../../../../shared/reference';
import { call } from '../../api/client';
import { notifyError, notifyInfo, notifyUndoable } from '../../components/notify';
import { ApartHint } from '../../components/ApartHint';
import { SameService } from '../../components/SameService';
import { useApp } from '../../store/app';
import { ProgramDrawer } from './ProgramDrawer';

type Mode = 'idle' | 'merge' | 'complementary';

/** A program's title that opens it: a button, so that Tab reaches it and Enter or Space opens it like a click. */
function ProgramLink({ onOpen, children }: { onOpen(): void; children: ReactNode }) {
  return (
    <UnstyledButton onClick={onOpen}>
      <Text size="sm" span td="underline dotted">{children}</Text>
    </UnstyledButton>
  );
}

const titleOf = (cluster: DuplicateCluster, id: string): string => cluster.programs.find((p) => p.id === id)?.title ?? '';

function ClusterCard({ cluster, onOpen, onDone }: { cluster: DuplicateCluster; onOpen(id: string): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [mode, setMode] = useState<Mode>('idle');
  const [survivor, setSurvivor] = useState(cluster.programs[0]!.id);
  const [lead, setLead] = useState<string | null>(null);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const opdOptions = [...new Map(cluster.programs.map((p) => [p.leadOpdId, p.opdAbbr || p.opdName])).entries()].map(([value, label]) => ({ value, label }));
  const leadOpd = lead ?? cluster.programs.find((p) => p.id === survivor)!.leadOpdId;

  const run = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try { await fn(); notifyInfo(message); onDone(); } catch (e) { notifyError(e); } finally { setBusy(false); }
  };
  const merge = () => run(() => call('duplicates.merge', { survivorId: survivor, otherIds: cluster.programs.map((p) => p.id).filter((id) => id !== survivor), leadOpdId: leadOpd, note: note || null }), t('duplicates.merged'));
  const complementary = () => run(async () => {
    const ps = cluster.programs;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
      await call('synergy.link', { programAId: ps[i]!.id, programBId: ps[j]!.id, roleA: roles[ps[i]!.id] || null, roleB: roles[ps[j]!.id] || null, note: note || null });
    }
  }, t('duplicates.linked'));
  const notDuplicate = async () => {
    const programIds = cluster.programs.map((p) => p.id);
    setBusy(true);
    try {
      await call('duplicates.markNotDuplicate', { programIds, note: note || null });
      notifyUndoable(`dismissed-${cluster.id}`, t('duplicates.dismissed'), () => call('duplicates.undoNotDuplicate', { programIds }), onDone, 'dup-dismiss-undo');
      onDone();
    } catch (e) { notifyError(e); } finally { setBusy(false); }
  };

  return (
    <Paper withBorder p="sm" className="program-card" data-testid="dup-cluster">
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          {cluster.likely
            ? <Badge color={cluster.strength >= 0.9 ? 'red' : 'orange'} variant="light" data-testid="dup-strength">{t('duplicates.strength', { pct: Math.round(cluster.strength * 100) })}</Badge>
            : <Badge color="yellow" variant="outline" data-testid="dup-strength" data-possible="">{t('duplicates.possibleStrength', { pct: Math.round(cluster.strength * 100) })}</Badge>}
          <Text size="sm" c="dimmed">{t('duplicates.programsOpds', { programs: cluster.programs.length, opds: cluster.opdCount, count: cluster.opdCount })}</Text>
        </Group>
        <Group gap={6}>
          <Button size="xs" variant={mode === 'merge' ? 'filled' : 'light'} onClick={() => setMode(mode === 'merge' ? 'idle' : 'merge')} data-testid="dup-merge">{t('duplicates.merge')}</Button>
          <Button size="xs" variant={mode === 'complementary' ? 'filled' : 'light'} color="teal" onClick={() => setMode(mode === 'complementary' ? 'idle' : 'complementary')} data-testid="dup-complementary">{t('duplicates.complementary')}</Button>
          <Button size="xs" variant="subtle" color="gray" loading={busy && mode === 'idle'} onClick={() => void notDuplicate()} data-testid="dup-not">{t('duplicates.notDuplicate')}</Button>
        </Group>
      </Group>
      <SameService services={cluster.services} testId="dup-service" mt={-4} mb={6} />
      {cluster.apart && (
        <ApartHint reason={cluster.apart.reason} testId="dup-apart" mt={-4} mb={6}
          between={cluster.programs.length > 2 ? [titleOf(cluster, cluster.apart.a), titleOf(cluster, cluster.apart.b)] : undefined} />
      )}
      <Radio.Group value={survivor} onChange={setSurvivor}>
        <Stack gap={4}>
          {cluster.programs.map((p) => (
            <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="dup-program">
              {mode === 'merge' && <Radio value={p.id} aria-label={t('duplicates.keepThis')} data-testid="dup-survivor" />}
              <Badge variant="outline" w={130} tt="none" style={{ flexShrink: 0 }} title={p.opdName}>{p.opdAbbr || p.opdName}</Badge>
              {/* the description under the title: duplicate or related is read in both texts, not in the titles alone */}
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <ProgramLink onOpen={() => onOpen(p.id)}>{p.title}</ProgramLink>
                {p.description && <Text size="xs" c="dimmed" lineClamp={2} title={p.description} data-testid="dup-description">{p.description}</Text>}
              </Stack>
              <Text size="xs" c="dimmed" w={180} truncate title={labelOf(DIMENSIONS, p.dimension, lang)}>{labelOf(DIMENSIONS, p.dimension, lang)}</Text>
              {mode === 'complementary' && (
                <TextInput size="xs" w={260} placeholder={t('duplicates.rolePlaceholder', { opd: p.opdAbbr || p.opdName })} value={roles[p.id] ?? ''}
                  onChange={(e) => { const v = e.currentTarget.value; setRoles((r) => ({ ...r, [p.id]: v })); }} data-testid="dup-role" />
              )}
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      {mode !== 'idle' && (
        <Group mt="xs" align="flex-end">
          {mode === 'merge' && <Select size="xs" label={t('duplicates.leadOpd')} data={opdOptions} value={leadOpd} onChange={setLead} allowDeselect={false} w={200} data-testid="dup-lead" />}
          <TextInput size="xs" label={t('duplicates.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
          {mode === 'merge'
            ? <Button size="xs" color="red" loading={busy} onClick={() => void merge()} data-testid="dup-merge-confirm">{t('duplicates.mergeConfirm')}</Button>
            : <Button size="xs" color="teal" loading={busy} onClick={() => void complementary()} data-testid="dup-complementary-confirm">{t('duplicates.complementaryConfirm')}</Button>}
        </Group>
      )}
      {mode === 'merge' && <Text size="xs" c="dimmed" mt={4}>{t('duplicates.mergeHint')}</Text>}
    </Paper>
  );
}

function Review({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation();
  const { dataVersion, bump } = useApp();
  const [clusters, setClusters] = useState<DuplicateCluster[] | null>(null);
  const [total, setTotal] = useState(0);
  // the likely duplicates alone, or the possible ones after them (the default: a facilitator who reads on finds nearly
  // every duplicate the scan reaches)
  const [scope, setScope] = useState<'all' | 'likely'>('all');
  const [counts, setCounts] = useState({ all: 0, likely: 0, likelyFrom: 0 });
  const [limit, setLimit] = useState(CLUSTERS_PAGE); // a review works from the top; the rest come on request
  const [loading, setLoading] = useState(true);
  const [merges, setMerges] = useState<{ mergeId: string; survivorTitle: string; mergedTitles: string[] }[]>([]);
  const [dismissed, setDismissed] = useState<NotDuplicateEntry[]>([]);
  useEffect(() => {
    setLoading(true);
    void Promise.all([call('duplicates.clusters', { limit, scope }), call('duplicates.merges', {}), call('duplicates.notDuplicates', {})])
      .then(([c, m, d]) => {
        setClusters(c.clusters); setTotal(c.total); setMerges(m); setDismissed(d);
        setCounts({ ...c.counts, likelyFrom: c.likelyFrom });
      }).catch(notifyError).finally(() => setLoading(false));
  }, [dataVersion, limit, scope]);
  const undo = async (mergeId: string) => {
    try { await call('duplicates.undoMerge', { mergeId }); notifyInfo(t('duplicates.undone')); bump(); } catch (e) { notifyError(e); }
  };
  const showAgain = async (d: NotDuplicateEntry) => {
    try { await call('duplicates.undoNotDuplicate', { programIds: [d.a.id, d.b.id] }); notifyInfo(t('duplicates.shownAgain')); bump(); } catch (e) { notifyError(e); }
  };
  if (!clusters) return <Center p="xl"><Loader size="sm" data-testid="dup-loading" /></Center>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('duplicates.intro')}</Text>
      <Group gap="xs">
        <Text size="sm" id="dup-scope-label">{t('duplicates.scopeLabel')}</Text>
        <SegmentedControl size="xs" value={scope} onChange={(v) => { setScope(v as 'all' | 'likely'); setLimit(CLUSTERS_PAGE); }} aria-labelledby="dup-scope-label" data-testid="dup-scope"
          data={[{ value: 'all', label: t('duplicates.scopeAll', { n: counts.all }) }, { value: 'likely', label: t('duplicates.scopeLikely', { n: counts.likely }) }]} />
      </Group>
      {clusters.length === 0 && <Text data-testid="dup-none">{t('duplicates.none')}</Text>}
      {total > clusters.length && <Text size="sm" data-testid="dup-shown-of">{t('duplicates.shownOf', { shown: clusters.length, total })}</Text>}
      {clusters.map((c, i) => (
        <Fragment key={c.id}>
          {!c.likely && (i === 0 || clusters[i - 1]!.likely) && (
            <Divider labelPosition="left" data-testid="dup-possible-divider" label={t('duplicates.possibleDivider', { pct: Math.round(counts.likelyFrom * 100) })} />
          )}
          <ClusterCard cluster={c} onOpen={onOpen} onDone={bump} />
        </Fragment>
      ))}
      {total > clusters.length && limit < CLUSTERS_MAX && (
        <Button variant="light" loading={loading} onClick={() => setLimit((l) => Math.min(CLUSTERS_MAX, l + CLUSTERS_PAGE))} data-testid="dup-more">
          {t('duplicates.showMore', { n: Math.min(CLUSTERS_PAGE, total - clusters.length) })}
        </Button>
      )}
      {merges.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={5} mb={6}>{t('duplicates.pastMerges')}</Title>
          <Stack gap={4}>
            {merges.map((m) => (
              <Group key={m.mergeId} justify="space-between" data-testid="dup-past-merge">
                <Text size="sm">{t('duplicates.mergedInto', { merged: m.mergedTitles.join(', '), survivor: m.survivorTitle })}</Text>
                <Button size="xs" variant="subtle" onClick={() => void undo(m.mergeId)} data-testid="dup-undo">{t('duplicates.undo')}</Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {dismissed.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={5} mb={6}>{t('duplicates.dismissedList', { n: dismissed.length })}</Title>
          <Stack gap={4}>
            {dismissed.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="dup-dismissed">
                <Group gap={6} wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
                  <ProgramLink onOpen={() => onOpen(d.a.id)}><b>{d.a.opdAbbr || d.a.opdName}</b>: {d.a.title}</ProgramLink>
                  <Text size="sm">·</Text>
                  <ProgramLink onOpen={() => onOpen(d.b.id)}><b>{d.b.opdAbbr || d.b.opdName}</b>: {d.b.title}</ProgramLink>
                  {d.note && <Text span size="xs" c="dimmed" fs="italic">— {d.note}</Text>}
                </Group>
                <Button size="xs" variant="subtle" onClick={() => void showAgain(d)} data-testid="dup-show-again">{t('duplicates.showAgain')}</Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** A matrix cell's colour: teal for programs two OPDs share, violet for complementary links, both halves of the cell
 * when there are both; darker for more. */
function cellBackground(shared: number, complementary: number, max: number): string | undefined {
  const tone = (rgb: string, n: number) => `rgba(${rgb},${(0.15 + 0.75 * (n / max)).toFixed(2)})`;
  const teal = tone('12,166,120', shared + complementary), violet = tone('121,80,242', shared + complementary);
  if (shared > 0 && complementary > 0) return `linear-gradient(135deg, ${teal} 50%, ${violet} 50%)`;
  return shared > 0 ? teal : complementary > 0 ? violet : undefined;
}

/** A complementary link: each program (with its OPD) opens on a click, each followed by its OPD's role; then the note. */
function LinkLine({ link: l, onOpen }: { link: SynergyLink; onOpen(id: string): void }) {
  const role = (r: string | null) => r && <Text span size="xs" c="dimmed">({r})</Text>;
  return (
    <Group gap={6} mt={2} wrap="wrap" data-testid="synergy-link">
      <ProgramLink onOpen={() => onOpen(l.a.id)}><b>{l.a.opdAbbr || l.a.opdName}</b>: {l.a.title}</ProgramLink>{role(l.roleA)}
      <Text size="sm">↔</Text>
      <ProgramLink onOpen={() => onOpen(l.b.id)}><b>{l.b.opdAbbr || l.b.opdName}</b>: {l.b.title}</ProgramLink>{role(l.roleB)}
      {l.note && <Text span size="xs" c="dimmed" fs="italic">— {l.note}</Text>}
    </Group>
  );
}

function SynergyMapView({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation();
  const dataVersion = useApp((s) => s.dataVersion);
  const [map, setMap] = useState<SynergyMap | null>(null);
  const [links, setLinks] = useState<SynergyLink[]>([]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  useEffect(() => {
    void Promise.all([call('synergy.map', {}), call('synergy.list', {})]).then(([m, l]) => { setMap(m); setLinks(l); }).catch(notifyError);
  }, [dataVersion]);
  if (!map) return null;
  if (map.opds.length === 0) return <Text data-testid="synergy-empty">{t('synergy.empty')}</Text>;
  const cell = new Map(map.cells.map((c) => [`${c.a}|${c.b}`, c]));
  const get = (x: string, y: string) => cell.get(x < y ? `${x}|${y}` : `${y}|${x}`);
  const max = Math.max(1, ...map.cells.map((c) => c.shared.length + c.complementary));
  const name = (id: string) => { const o = map.opds.find((x) => x.id === id); return o ? o.abbr || o.name : id; };
  // how many other OPDs each OPD shares or complements programs with, shown beside its name
  const partners = new Map<string, number>();
  for (const c of map.cells) for (const x of [c.a, c.b]) partners.set(x, (partners.get(x) ?? 0) + 1);
  const pairShared = pair ? get(pair[0], pair[1])?.shared ?? [] : [];
  const pairLinks = pair ? links.filter((l) => (l.a.leadOpdId === pair[0] && l.b.leadOpdId === pair[1]) || (l.a.leadOpdId === pair[1] && l.b.leadOpdId === pair[0])) : [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('synergy.intro')}</Text>
      <Paper withBorder p="sm">
        {/* the matrix scrolls inside its frame, its OPD names stay in view (sticky header row and first column) */}
        <div className="synergy-scroll">
          <Table className="matrix synergy-matrix" fz="xs" withColumnBorders data-testid="synergy-matrix" style={{ width: 'auto' }}>
            <Table.Thead><Table.Tr><Table.Th />{map.opds.map((o) => <Table.Th key={o.id} title={o.name}>{o.abbr || o.name}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {map.opds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td title={t('synergy.partnersTitle', { opd: r.name, n: partners.get(r.id) ?? 0 })} fw={600}>
                    {r.abbr || r.name} <Text span size="xs" c="dimmed" fw={400} data-testid="synergy-partners">{partners.get(r.id) ?? 0}</Text>
                  </Table.Td>
                  {map.opds.map((c) => {
                    const v = r.id === c.id ? undefined : get(r.id, c.id);
                    const shared = v?.shared.length ?? 0, complementary = v?.complementary ?? 0;
                    const label = v ? t('synergy.cellTitle', { a: r.abbr || r.name, b: c.abbr || c.name, shared, complementary }) : undefined;
                    const selected = !!pair && ((pair[0] === r.id && pair[1] === c.id) || (pair[0] === c.id && pair[1] === r.id));
                    return (
                      <Table.Td key={c.id} data-testid={v ? 'synergy-cell' : undefined} data-shared={v ? shared : undefined} data-complementary={v ? complementary : undefined}
                        title={label}
                        style={{ background: r.id === c.id ? 'var(--mantine-color-gray-1)' : cellBackground(shared, complementary, max), outline: selected ? '2px solid var(--mantine-color-dark-4)' : undefined }}>
                        {/* a button, so that Tab reaches the cell and Enter shows its programs */}
                        {v && (
                          <UnstyledButton w="100%" fz="xs" ta="center" onClick={() => setPair([r.id, c.id])} aria-label={label}>
                            {shared > 0 && shared}{shared > 0 && complementary > 0 && ' '}{complementary > 0 && `↔${complementary}`}
                          </UnstyledButton>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Group gap="md" mt={6}>
          <Group gap={4}><span className="synergy-swatch" style={{ background: cellBackground(1, 0, 1) }} /><Text size="xs" c="dimmed">{t('synergy.legendShared')}</Text></Group>
          <Group gap={4}><span className="synergy-swatch" style={{ background: cellBackground(0, 1, 1) }}>↔</span><Text size="xs" c="dimmed">{t('synergy.legendComplementary')}</Text></Group>
          <Text size="xs" c="dimmed">{t('synergy.legend')}</Text>
        </Group>
      </Paper>
      {pair && (
        <Paper withBorder p="sm" data-testid="synergy-pair">
          <Title order={5} mb={6}>{name(pair[0])} × {name(pair[1])}</Title>
          <Text size="sm">{t('synergy.sharedCount', { n: pairShared.length })}</Text>
          <Stack gap={2} mb={4} data-testid="synergy-shared">
            {pairShared.map((p) => (
              <Text key={p.id} size="sm">
                <b>{name(p.leadOpdId)}</b> <ProgramLink onOpen={() => onOpen(p.id)}>{p.title}</ProgramLink> <Text span c="dimmed" size="xs">({t('synergy.withOpd', { opd: name(p.leadOpdId === pair[0] ? pair[1] : pair[0]) })})</Text>
              </Text>
            ))}
          </Stack>
          {pairLinks.length > 0 && <Text size="sm">{t('synergy.complementaryCount', { n: pairLinks.length })}</Text>}
          {pairLinks.map((l) => <LinkLine key={l.id} link={l} onOpen={onOpen} />)}
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Title order={5} mb={6}>{t('synergy.allLinks')} ({links.length})</Title>
        <Stack gap={2} data-testid="synergy-links">
          {links.map((l) => <LinkLine key={l.id} link={l} onOpen={onOpen} />)}
        </Stack>
      </Paper>
    </Stack>
  );
}

export function DuplicatesScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('review');
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Stack p="md" gap="sm">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="review" data-testid="dup-tab-review">{t('duplicates.review')}</Tabs.Tab>
          <Tabs.Tab value="map" data-testid="dup-tab-map">{t('synergy.map')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review" pt="sm">{tab === 'review' && <Review onOpen={setOpenId} />}</Tabs.Panel>
        <Tabs.Panel value="map" pt="sm">{tab === 'map' && <SynergyMapView onOpen={setOpenId} />}</Tabs.Panel>
      </Tabs>
      <ProgramDrawer programId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
