// The templates' titles, descriptions, labels and help were written for LinkedIn. For a case about another platform
// they are shown with that platform's name, and LinkedIn's own facts in them (its form's choice list, the date its
// training began, its profile links) are left out rather than carried over to a platform they are not true of.
// LinkedIn's cases see the manifests as written. Every case sees only the starters that fit its platform: a starter
// may name the platforms it is true of (`platforms`, e.g. a job search only for LinkedIn); one without fits every one.
import type { TemplateField, TemplateManifest } from '../contract/drafting';

type Starter = NonNullable<TemplateField['starters']>[number];

/** The starters that fit `platform`, without their list of platforms (the case has no use for it). */
export function startersFor(starters: readonly Starter[], platform: string): Starter[] {
  return starters.filter((st) => !st.platforms || st.platforms.includes(platform as never)).map(({ label, text }) => ({ label, text }));
}

/** A field with only the starters that fit `platform` (none left: no starters). */
function fittingStarters(f: TemplateField, platform: string): TemplateField {
  if (!f.starters) return f;
  const out: TemplateField = { ...f, starters: startersFor(f.starters, platform) };
  if (!out.starters!.length) delete out.starters;
  return out;
}

/** LinkedIn-only sentences and phrases, and what a case about another platform sees instead ('' drops them). */
const LINKEDIN_ONLY: [RegExp, string][] = [
  [/On LinkedIn's form pick the choice for training content-generating AI models \(and, if offered, non-content-generating models\); paste this where it asks for details\./g, 'Paste this where the platform’s form, if it has one, asks what you object to.'],
  [/The exact wording of LinkedIn's choice list could not be confirmed on LinkedIn's own page\./g, ''],
  [/LinkedIn started this use on 3 November 2025: what you posted before, you posted under other expectations\./g, 'What you posted before the platform began this use, you posted under other expectations.'],
  [/ Copy the fields into LinkedIn's Data Processing Objection Form, or send the letter\./g, ' Send the letter, or copy the fields into the platform’s own objection form where it has one.'],
  [/For example https:\/\/www\.linkedin\.com\/in\/your-name\. /g, 'The address of your profile page. '],
  [/Much of my profile and posts dates from before 3 November 2025/g, 'Much of what I posted dates from before the platform began this use'],
  [/LinkedIn Ireland's lead authority/g, 'the lead authority of the platform’s controller'],
  // The same in the German and French labels.
  [/Wählen Sie im Formular von LinkedIn die Option für das Training inhaltsgenerierender KI-Modelle \(und, falls angeboten, nicht inhaltsgenerierender Modelle\); fügen Sie diesen Text dort ein, wo nach Einzelheiten gefragt wird\./g, 'Fügen Sie dies dort ein, wo das Formular der Plattform, falls es eines gibt, fragt, wogegen Sie widersprechen.'],
  [/Der genaue Wortlaut der Auswahlliste von LinkedIn konnte auf LinkedIns eigener Seite nicht bestätigt werden\./g, ''],
  [/LinkedIn hat diese Verwendung am 3\. November 2025 begonnen: Was Sie davor veröffentlicht haben, haben Sie unter anderen Erwartungen veröffentlicht\./g, 'Was Sie veröffentlicht haben, bevor die Plattform diese Verwendung begann, haben Sie unter anderen Erwartungen veröffentlicht.'],
  [/Zum Beispiel https:\/\/www\.linkedin\.com\/in\/ihr-name\. /g, 'Die Adresse Ihrer Profilseite. '],
  [/Ein großer Teil meines Profils und meiner Beiträge stammt aus der Zeit vor dem 3\. November 2025/g, 'Ein großer Teil meiner Beiträge stammt aus der Zeit, bevor die Plattform diese Verwendung begann'],
  [/der federführenden Behörde von LinkedIn Ireland, der irischen DPC,/g, 'der federführenden Behörde des Verantwortlichen der Plattform,'],
  [/Dans le formulaire de LinkedIn, choisissez l’option relative à l’entraînement des modèles d’IA générateurs de contenu \(et, si elle est proposée, des autres modèles\) ; collez ce texte là où des précisions sont demandées\./g, 'Collez ce texte là où le formulaire de la plateforme, s’il en existe un, demande à quoi vous vous opposez.'],
  [/Le libellé exact de la liste de choix de LinkedIn n’a pas pu être confirmé sur la page de LinkedIn\./g, ''],
  [/LinkedIn a commencé cette utilisation le 3 novembre 2025 : ce que vous avez publié avant, vous l’avez publié avec d’autres attentes\./g, 'Ce que vous avez publié avant que la plateforme ne commence cette utilisation, vous l’avez publié avec d’autres attentes.'],
  [/Par exemple https:\/\/www\.linkedin\.com\/in\/votre-nom\. /g, 'L’adresse de votre page de profil. '],
  [/Une grande partie de mon profil et de mes publications date d’avant le 3 novembre 2025/g, 'Une grande partie de mes publications date d’avant que la plateforme ne commence cette utilisation'],
  [/avec l’autorité chef de file de LinkedIn Ireland, la DPC irlandaise,/g, 'avec l’autorité chef de file du responsable du traitement de la plateforme,'],
];

/** A manifest text as a case about `platformName` sees it. */
export function platformText(text: string, platformName: string): string {
  let t = text;
  for (const [re, to] of LINKEDIN_ONLY) t = t.replace(re, to);
  return t.replace(/LinkedIn/g, platformName).replace(/\s{2,}/g, ' ').trim();
}

/** LinkedIn's name for its switch, as the templates' labels quote it (in every language: it is the platform's word). */
const LINKEDIN_SETTING = 'Data for Generative AI Improvement';

function fieldFor(f: TemplateField, name: string, settingName?: string): TemplateField {
  const label = settingName ? f.label.replaceAll(LINKEDIN_SETTING, settingName) : f.label;
  const out: TemplateField = { ...f, label: platformText(label, name) };
  if (f.starters) out.starters = f.starters.map((st) => ({ label: platformText(st.label, name), text: platformText(st.text, name) }));
  if (f.help !== undefined) out.help = platformText(f.help, name);
  if (f.unverified !== undefined) {
    const u = platformText(f.unverified, name);
    if (u) out.unverified = u;
    else delete out.unverified;
  }
  return out;
}

/**
 * The manifest's texts for a case about `platform` (as written for LinkedIn), with the starters that fit it.
 * `settingName`: the platform's own name for its AI-training switch, which replaces LinkedIn's in the labels; '' when
 * the platform has no such switch, which drops the fields about switching it off (there is nothing to have switched).
 */
export function manifestFor<M extends Pick<TemplateManifest, 'title' | 'description'> & { fields?: TemplateField[]; sourceUrl?: string }>(
  m: M,
  platform: string,
  platformName: string,
  platformSource?: string,
  settingName?: string,
): M {
  if (platform === 'linkedin') return m.fields ? { ...m, fields: m.fields.map((f) => fittingStarters(f, platform)) } : m;
  return {
    ...m,
    // LinkedIn's form page is no source for another platform's letter: that platform's objection route is.
    ...(m.sourceUrl && /linkedin\.com/.test(m.sourceUrl) && platformSource ? { sourceUrl: platformSource } : {}),
    title: platformText(m.title, platformName),
    description: platformText(m.description, platformName),
    ...(m.fields
      ? {
          fields: m.fields
            .filter((f) => settingName !== '' || !f.label.includes(LINKEDIN_SETTING))
            .map((f) => fieldFor(fittingStarters(f, platform), platformName, settingName)),
        }
      : {}),
  };
}
