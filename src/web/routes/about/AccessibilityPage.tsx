import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbout } from '../../api/about';
import { usePageTitle } from '../../components/usePageTitle';
import { OperatorContact, STATEMENT_DATE } from './operator';
import './about.css';

/*
 * The accessibility statement (issue 20 part 6, PRODUCT.md I4) in the form the Danish rules ask for (lov om
 * tilgængelighed af offentlige organers websteder og mobilapplikationer; WCAG 2.1 AA / EN 301 549): status, what is
 * not accessible and why, how the statement was made, feedback and contact, and how to complain. The text lives in
 * this lazily loaded page rather than the word lists, which every page loads.
 */
const TEXT = {
  da: {
    title: 'Tilgængelighedserklæring',
    intro: (who: string) =>
      `${who} er forpligtet til at gøre sit websted tilgængeligt i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer. Denne erklæring gælder for Amongi på denne adresse.`,
    someone: 'Den myndighed, der driver denne installation af Amongi,',
    statusTitle: 'Overensstemmelsesstatus',
    status:
      'Amongi er delvist i overensstemmelse med WCAG 2.1 på niveau AA (EN 301 549), på grund af det indhold, der er beskrevet herunder. Selve systemet — sider, formularer, menuer og afspiller — er bygget og testet efter niveau AA.',
    gapsTitle: 'Indhold, der ikke er tilgængeligt',
    gapsLead: 'Følgende mangler er i strid med lovgivningen, og vi arbejder på dem:',
    gaps: [
      'Videoer, som medarbejdere selv optager og lægger op, har ikke altid undertekster (WCAG 1.2.2) og har som regel ikke synstolkning (WCAG 1.2.5). Ejeren af en video kan skrive og rette undertekster og kapitler i Amongi. Automatisk dansk tekstning kræver, at driften stiller en lokal talegenkendelsesmodel til rådighed.',
      'Dokumenter, billeder og tekst, som brugere selv lægger ind (fx i beskrivelser, opslag og læringspakker), kontrolleres ikke automatisk for tilgængelighed. Den, der lægger indhold ind, er ansvarlig for alternative tekster og læsbar opbygning.',
      'Diagrammer (fx årshjulet og dataoversigterne) vises altid sammen med en liste eller tabel med de samme oplysninger. Selve diagrammet er skjult for skærmlæsere; brug listen eller tabellen.',
    ],
    madeTitle: 'Sådan er erklæringen udarbejdet',
    made: [
      'Erklæringen er udarbejdet af udviklerne af Amongi på grundlag af en egen vurdering.',
      'Hver side i Amongi scannes automatisk med axe-core for brud på WCAG 2.1 A og AA i Chromium, både i telefonbredde og skærmbredde, hver gang koden ændres. Siderne betjenes med tastatur alene i automatiske test, og sider, der ændrer sig, meddeler det til skærmlæsere.',
      'Der er ikke lavet en ekstern tilgængelighedsrevision. Vi anbefaler, at myndigheden får foretaget en, før systemet tages i brug for mange brugere.',
    ],
    dateLine: (d: string) => `Erklæringen blev senest gennemgået ${d}.`,
    contactTitle: 'Feedback og kontaktoplysninger',
    contact:
      'Hvis du oplever indhold, der ikke er tilgængeligt, eller hvis du har brug for indhold i en anden form, så skriv eller ring til os. Fortæl gerne, hvilken side det drejer sig om, og hvilket hjælpemiddel du bruger. Skriv ikke fortrolige eller følsomme personoplysninger, fx dit cpr-nummer.',
    email: 'E-mail',
    phone: 'Telefon',
    noContact:
      'Driften har ikke angivet en kontaktadresse. Kontakt din leder eller kommunens it-afdeling, som kan give besked videre til den, der driver Amongi.',
    complainTitle: 'Håndhævelsesprocedure',
    complain:
      'Kontakt altid os først. Hvis du ikke har fået svar inden for 10 arbejdsdage, eller hvis svaret ikke er tilfredsstillende, kan du henvende dig til Digitaliseringsstyrelsen, som fører tilsyn med, at offentlige myndigheders websteder og mobilapplikationer overholder webtilgængelighedsloven.',
    complainLink: 'Digitaliseringsstyrelsen: Oplever du ikke-tilgængeligt indhold?',
    official:
      'Den officielle tilgængelighedserklæring for denne installation findes i Digitaliseringsstyrelsens WAS-Tool:',
    officialLink: 'Se den officielle erklæring',
    privacy: 'Læs også, hvordan Amongi behandler personoplysninger',
  },
  en: {
    title: 'Accessibility statement',
    intro: (who: string) =>
      `${who} is committed to making its website accessible in accordance with the Danish act on the accessibility of public sector bodies' websites and mobile applications. This statement applies to Amongi at this address.`,
    someone: 'The public body that runs this installation of Amongi',
    statusTitle: 'Compliance status',
    status:
      'Amongi is partially compliant with WCAG 2.1 level AA (EN 301 549), because of the content described below. The system itself — pages, forms, menus and player — is built and tested to level AA.',
    gapsTitle: 'Content that is not accessible',
    gapsLead: 'The following is not compliant with the legislation, and we are working on it:',
    gaps: [
      'Videos that staff record and upload themselves do not always have captions (WCAG 1.2.2) and usually have no audio description (WCAG 1.2.5). A video’s owner can write and correct captions and chapters in Amongi. Automatic Danish captions need the operator to provide a local speech recognition model.',
      'Documents, images and text that users add themselves (in descriptions, posts and learning packages, for example) are not checked for accessibility automatically. Whoever adds content is responsible for alternative text and a readable structure.',
      'Charts (the year wheel and the data overviews) are always shown together with a list or table holding the same information. The chart itself is hidden from screen readers; use the list or table.',
    ],
    madeTitle: 'How this statement was prepared',
    made: [
      'The statement was prepared by the developers of Amongi based on a self-assessment.',
      'Every page of Amongi is scanned automatically with axe-core for WCAG 2.1 A and AA failures in Chromium, at phone and desktop widths, whenever the code changes. The pages are operated by keyboard alone in automated tests, and pages that change announce it to screen readers.',
      'No external accessibility audit has been made. We recommend that the public body has one made before the system is used by many people.',
    ],
    dateLine: (d: string) => `The statement was last reviewed on ${d}.`,
    contactTitle: 'Feedback and contact information',
    contact:
      'If you meet content that is not accessible, or need content in another form, write or call us. Please tell us which page it is about and which assistive technology you use. Do not include confidential or sensitive personal data such as your CPR number.',
    email: 'E-mail',
    phone: 'Telephone',
    noContact:
      'The operator has not given a contact address. Contact your leader or your municipality’s IT department, who can pass it on to whoever runs Amongi.',
    complainTitle: 'Enforcement procedure',
    complain:
      'Always contact us first. If you have had no answer within 10 working days, or the answer is not satisfactory, you can turn to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises that public bodies’ websites and apps meet the web accessibility act.',
    complainLink: 'Digitaliseringsstyrelsen: Do you meet content that is not accessible? (Danish)',
    official:
      'The official accessibility statement of this installation is in the Danish Agency for Digital Government’s WAS-Tool:',
    officialLink: 'See the official statement',
    privacy: 'Read also how Amongi processes personal data',
  },
};

export function AccessibilityPage() {
  const { i18n } = useTranslation();
  const x = i18n.language.startsWith('en') ? TEXT.en : TEXT.da;
  usePageTitle(x.title);
  const about = useAbout();
  const operator = about.data?.operator ?? null;
  const date = new Date(`${STATEMENT_DATE}T12:00:00Z`).toLocaleDateString(i18n.language, {
    dateStyle: 'long',
  });

  return (
    <article className="page about-page">
      <h1>{x.title}</h1>
      <p className="lead">{x.intro(operator?.name ?? x.someone)}</p>
      {about.data?.statementUrl && (
        <p className="about-official">
          {x.official} <a href={about.data.statementUrl}>{x.officialLink}</a>
        </p>
      )}

      <h2>{x.statusTitle}</h2>
      <p>{x.status}</p>

      <h2>{x.gapsTitle}</h2>
      <p>{x.gapsLead}</p>
      <ul>
        {x.gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>

      <h2>{x.madeTitle}</h2>
      {x.made.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>{x.dateLine(date)}</p>

      <h2>{x.contactTitle}</h2>
      <p>{x.contact}</p>
      <OperatorContact
        operator={operator}
        loading={about.isPending}
        fallback={x.noContact}
        labels={{ email: x.email, phone: x.phone }}
      />

      <h2>{x.complainTitle}</h2>
      <p>{x.complain}</p>
      <p>
        <a
          href="https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
          rel="noopener noreferrer"
        >
          {x.complainLink}
        </a>
      </p>

      <p>
        <Link to="/privatliv">{x.privacy}</Link>
      </p>
    </article>
  );
}
