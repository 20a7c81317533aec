import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbout } from '../../api/about';
import { usePageTitle } from '../../components/usePageTitle';
import { OperatorContact } from './operator';
import './about.css';

/*
 * How Amongi processes personal data (issue 20 part 6), in plain words for staff: who is responsible, what is kept
 * and why, who sees what, how long, and where to turn. Says only what the product does; the operator's own
 * data-processing documentation is docs/data-processing.md. The text lives in this lazily loaded page.
 */
const TEXT = {
  da: {
    title: 'Sådan behandler Amongi dine oplysninger',
    controllerTitle: 'Hvem er ansvarlig',
    controller:
      'Den kommune eller organisation, der har taget Amongi i brug, er dataansvarlig for oplysningerne om dig. Spørgsmål om dine oplysninger og om dine rettigheder stiller du til dem:',
    noContact: 'Driften har ikke angivet en kontaktadresse. Spørg din leder, hvem der er dataansvarlig.',
    email: 'E-mail',
    phone: 'Telefon',
    whatTitle: 'Hvad vi gemmer, og hvorfor',
    what: [
      'Din profil: navn, e-mail, institution, teams og roller — så du kan logge ind, og så kolleger og ledere kan arbejde sammen med dig.',
      'Det, du selv laver: videoer, kommentarer, noter, feedback, læringspakker, forløb, opslag og svar — så du og de, du deler med, kan bruge dem.',
      'Observationer og læringssamtaler, som du er en del af — så I kan følge op på dem.',
      'En log over vigtige handlinger (fx hvem der ændrede roller, så data om elever, eller delte en privat video) — så misbrug kan opdages og efterprøves.',
    ],
    seeTitle: 'Hvem kan se hvad',
    see: [
      'En privat video og en selvobservation kan kun ses af dig — og af de kolleger, du selv vælger at dele en video med, så længe delingen gælder. Ledere og administratorer kan ikke se dem.',
      'Observationsdata og svar i medarbejderundersøgelsen vises for ledelse og forvaltning kun samlet for grupper, der er store nok til, at ingen enkeltperson kan genkendes. Svar i undersøgelsen gemmes uden forbindelse til, hvem der svarede.',
      'Børn og elever registreres kun med en kode eller initialer i progressionsoversigten — aldrig med cpr-nummer — og kun klassens team, ledelsen og de ressourcepersoner, lederen udpeger, kan se det enkelte barn.',
    ],
    keepTitle: 'Hvor længe',
    keep: 'Oplysningerne gemmes, så længe du bruger Amongi, og slettes efter de regler, den dataansvarlige har fastsat. Oplysninger om det enkelte barn slettes et fastsat antal måneder efter skoleårets afslutning; samlede tal kan blive stående.',
    whereTitle: 'Hvor oplysningerne ligger',
    where:
      'Oplysningerne ligger på den server og det lager, som den dataansvarlige har valgt. E-mails sendes gennem den dataansvarliges e-mailtjeneste. Amongi sender ikke oplysninger til andre, og siden bruger ikke sporing eller cookies til reklame — kun de nødvendige cookies, der holder dig logget ind og beskytter dine formularer.',
    rightsTitle: 'Dine rettigheder',
    rights:
      'Du kan selv hente dine data under Profil → Mine data og se, hvem der har set eller ændret noget om dig, under Profil → Log over mine data. Du har ret til indsigt i de oplysninger, der er om dig, og til at få forkerte oplysninger rettet. Du kan i visse tilfælde få oplysninger slettet eller få begrænset behandlingen. Kontakt den dataansvarlige. Du kan klage til Datatilsynet.',
    dt: 'Datatilsynet',
    a11y: 'Tilgængelighedserklæring',
  },
  en: {
    title: 'How Amongi processes your data',
    controllerTitle: 'Who is responsible',
    controller:
      'The municipality or organisation that uses Amongi is the data controller for the data about you. Ask them about your data and your rights:',
    noContact: 'The operator has not given a contact address. Ask your leader who the data controller is.',
    email: 'E-mail',
    phone: 'Telephone',
    whatTitle: 'What we keep, and why',
    what: [
      'Your profile: name, e-mail, institution, teams and roles — so you can sign in, and colleagues and leaders can work with you.',
      'What you make yourself: videos, comments, notes, feedback, learning packages, cycles, posts and answers — so you and those you share with can use them.',
      'Observations and learning conversations you take part in — so you can follow them up.',
      'A log of important actions (who changed roles, looked at pupils’ data or shared a private video, for example) — so misuse can be found and checked.',
    ],
    seeTitle: 'Who sees what',
    see: [
      'A private video and a self-observation are seen only by you — and by the colleagues you choose to share a video with, while the share lasts. Leaders and administrators cannot see them.',
      'Observation data and staff survey answers are shown to leaders and the administration only as totals for groups large enough that no one can be recognised. Survey answers are stored without any link to who answered.',
      'Children and pupils are recorded only with a code or initials in the progression overview — never with a CPR number — and only the class team, the leaders and the resource persons the leader appoints see the individual child.',
    ],
    keepTitle: 'For how long',
    keep: 'The data is kept while you use Amongi and deleted by the rules the data controller has set. Data about the individual child is deleted a set number of months after the school year ends; totals may remain.',
    whereTitle: 'Where the data is',
    where:
      'The data is on the server and storage the data controller has chosen. E-mails are sent through the data controller’s e-mail service. Amongi does not pass data on to others, and the site uses no tracking or advertising cookies — only the necessary cookies that keep you signed in and protect your forms.',
    rightsTitle: 'Your rights',
    rights:
      'You can download your data yourself under Profile → My data and see who viewed or changed something about you under Profile → Log of my data. You have the right to see the data about you and to have wrong data corrected. In some cases you can have data deleted or its processing restricted. Contact the data controller. You can complain to the Danish Data Protection Agency (Datatilsynet).',
    dt: 'Datatilsynet',
    a11y: 'Accessibility statement',
  },
};

export function PrivacyPage() {
  const { i18n } = useTranslation();
  const x = i18n.language.startsWith('en') ? TEXT.en : TEXT.da;
  usePageTitle(x.title);
  const about = useAbout();

  return (
    <article className="page about-page">
      <h1>{x.title}</h1>
      <h2>{x.controllerTitle}</h2>
      <p>{x.controller}</p>
      <OperatorContact
        operator={about.data?.operator ?? null}
        loading={about.isPending}
        fallback={x.noContact}
        labels={{ email: x.email, phone: x.phone }}
      />
      <h2>{x.whatTitle}</h2>
      <ul>
        {x.what.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <h2>{x.seeTitle}</h2>
      <ul>
        {x.see.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <h2>{x.keepTitle}</h2>
      <p>{x.keep}</p>
      <h2>{x.whereTitle}</h2>
      <p>{x.where}</p>
      <h2>{x.rightsTitle}</h2>
      <p>{x.rights}</p>
      <p>
        <a href="https://www.datatilsynet.dk/" rel="noopener noreferrer">
          {x.dt}
        </a>
      </p>
      <p>
        <Link to="/tilgaengelighed">{x.a11y}</Link>
      </p>
    </article>
  );
}
