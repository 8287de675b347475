/**
 * The manifests of the LMS packages (see scripts/package.ts and docs/lms.md): SCORM 1.2
 * and SCORM 2004 4th edition `imsmanifest.xml`, and the cmi5 course structure
 * `cmi5.xml`. One level is one SCO / assignable unit; each launches `index.html` with
 * the level, the mode and the pass mark in its query (read by src/services/lms/launch.ts).
 * The headline check before or after play can be a unit too: scored, never passed.
 */
import type { Mode } from '../src/core/mode-names';

export const PACKAGE_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];

export const LAUNCH_FILE = 'index.html';

export interface PackageUnit {
  /** The unit's id in the package: a level id, or `headline-check-pre` / `-post`. */
  id: string;
  /** What the unit launches: a level in a mode, or the check before or after play. */
  launch: { level: string; mode: Mode } | { check: 'pre' | 'post' };
  /** Level title per language tag. */
  title: Record<string, string>;
  /** Level briefing per language tag (cmi5 descriptions). */
  description: Record<string, string>;
  /** Pass mark in percent; null for the headline check, which nobody passes or fails. */
  passMark: number | null;
}

export interface PackageSpec {
  format: PackageFormat;
  /** The course's title per language tag. */
  title: Record<string, string>;
  units: PackageUnit[];
  /** IRI prefix of the cmi5 course and AU ids. */
  idBase: string;
  /** Every file of the package, '/'-separated, the manifest excepted. */
  files: string[];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The query a unit launches with: `?lms=…&level=…&mode=…&pass=…` or `?lms=…&check=…`. */
export function launchQuery(format: PackageFormat, unit: PackageUnit): string {
  const query = new URLSearchParams({ lms: format, ...unit.launch });
  if (unit.passMark !== null) query.set('pass', String(unit.passMark));
  return `?${query}`;
}

const english = (text: Record<string, string>) => text.en ?? Object.values(text)[0] ?? '';

/** Where each SCORM version keeps the pass mark. */
function masteryXml(v12: boolean, passMark: number): string {
  return v12
    ? `\n        <adlcp:masteryscore>${passMark}</adlcp:masteryscore>`
    : `\n        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${passMark / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
}

function scormManifest(spec: PackageSpec): string {
  const v12 = spec.format === 'scorm12';
  const items = spec.units
    .map((unit, index) => {
      const mastery = unit.passMark === null ? '' : masteryXml(v12, unit.passMark);
      return `      <item identifier="item-${index + 1}" identifierref="game" parameters="${escapeXml(
        launchQuery(spec.format, unit),
      )}">
        <title>${escapeXml(english(unit.title))}</title>${mastery}
      </item>`;
    })
    .join('\n');
  const files = [LAUNCH_FILE, ...spec.files.filter((file) => file !== LAUNCH_FILE)]
    .map((file) => `      <file href="${escapeXml(file)}"/>`)
    .join('\n');
  const header = v12
    ? `<manifest identifier="flag-the-feed" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>`
    : `<manifest identifier="flag-the-feed" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
${header}
  <organizations default="flag-the-feed-levels">
    <organization identifier="flag-the-feed-levels">
      <title>${escapeXml(english(spec.title))}</title>
${items}
    </organization>
  </organizations>
  <resources>
    <resource identifier="game" type="webcontent" ${v12 ? 'adlcp:scormtype' : 'adlcp:scormType'}="sco" href="${LAUNCH_FILE}">
${files}
    </resource>
  </resources>
</manifest>
`;
}

/** Every language of the text as cmi5 langstrings. */
function langstrings(text: Record<string, string>, indent: string): string {
  return Object.entries(text)
    .map(
      ([lang, value]) =>
        `${indent}<langstring lang="${escapeXml(lang)}">${escapeXml(value)}</langstring>`,
    )
    .join('\n');
}

function cmi5Structure(spec: PackageSpec): string {
  const units = spec.units
    .map(
      (unit) => `  <au id="${escapeXml(`${spec.idBase}/au/${unit.id}`)}" ${
        unit.passMark === null
          ? 'moveOn="Completed"'
          : `moveOn="CompletedAndPassed" masteryScore="${unit.passMark / 100}"`
      } launchMethod="AnyWindow">
    <title>
${langstrings(unit.title, '      ')}
    </title>
    <description>
${langstrings(unit.description, '      ')}
    </description>
    <url>${escapeXml(`${LAUNCH_FILE}${launchQuery('cmi5', unit)}`)}</url>
  </au>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(spec.idBase)}">
    <title>
${langstrings(spec.title, '      ')}
    </title>
    <description>
${langstrings(spec.title, '      ')}
    </description>
  </course>
${units}
</courseStructure>
`;
}

/** The manifest's file name and text for the package's format. */
export function manifestFor(spec: PackageSpec): { name: string; text: string } {
  return spec.format === 'cmi5'
    ? { name: 'cmi5.xml', text: cmi5Structure(spec) }
    : { name: 'imsmanifest.xml', text: scormManifest(spec) };
}
