import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/Alert';
import { Layout } from './components/Layout';
import { RequireAuth, RequireCapability } from './components/RequireAuth';
import { SignedInOr } from './components/SignedInOr';
import { AcceptInvitation } from './routes/auth/AcceptInvitation';
import { ForgotPassword } from './routes/auth/ForgotPassword';
import { Login } from './routes/auth/Login';
import { ResetPassword } from './routes/auth/ResetPassword';
import { DataHub } from './routes/DataHub';
import { Home } from './routes/Home';
import { NotFound } from './routes/NotFound';
// The catalogue is where most visits start: in the first download (≈ 4 kB compressed) saves a round trip there.
import { PublicVideosPage, VideosPage } from './routes/videos/VideosPage';

// Pages only some people use are loaded when first opened.
const ImportStaff = lazy(() =>
  import('./routes/import/ImportStaff').then((m) => ({ default: m.ImportStaff })),
);
const InstitutionPage = lazy(() =>
  import('./routes/org/InstitutionPage').then((m) => ({ default: m.InstitutionPage })),
);
const InvitePerson = lazy(() =>
  import('./routes/org/InvitePerson').then((m) => ({ default: m.InvitePerson })),
);
const OrganisationPage = lazy(() =>
  import('./routes/org/OrganisationPage').then((m) => ({ default: m.OrganisationPage })),
);
const PeoplePage = lazy(() => import('./routes/org/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('./routes/org/PersonPage').then((m) => ({ default: m.PersonPage })));
const TeamPage = lazy(() => import('./routes/org/TeamPage').then((m) => ({ default: m.TeamPage })));
const UploadPage = lazy(() => import('./routes/videos/UploadPage').then((m) => ({ default: m.UploadPage })));
const VideoPage = lazy(() => import('./routes/videos/VideoPage').then((m) => ({ default: m.VideoPage })));
const AccessibilityPage = lazy(() =>
  import('./routes/about/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage })),
);
const PrivacyPage = lazy(() =>
  import('./routes/about/PrivacyPage').then((m) => ({ default: m.PrivacyPage })),
);
const CaptionEditorPage = lazy(() =>
  import('./routes/videos/captions/CaptionEditorPage').then((m) => ({ default: m.CaptionEditorPage })),
);
const ComparePage = lazy(() =>
  import('./routes/videos/compare/ComparePage').then((m) => ({ default: m.ComparePage })),
);
// Someone not signed in (issue 15): the public front page and a public video.
const PublicHome = lazy(() => import('./routes/public/PublicHome').then((m) => ({ default: m.PublicHome })));
const PublicVideoPage = lazy(() =>
  import('./routes/public/PublicVideoPage').then((m) => ({ default: m.PublicVideoPage })),
);
const SharedVideoPage = lazy(() =>
  import('./routes/videos/SharedVideoPage').then((m) => ({ default: m.SharedVideoPage })),
);
const CommunitiesPage = lazy(() =>
  import('./routes/communities/CommunitiesPage').then((m) => ({ default: m.CommunitiesPage })),
);
const NewCommunityPage = lazy(() =>
  import('./routes/communities/CommunityForm').then((m) => ({ default: m.NewCommunityPage })),
);
const PostPage = lazy(() => import('./routes/communities/PostPage').then((m) => ({ default: m.PostPage })));
const CommunityPage = lazy(() =>
  import('./routes/communities/CommunityPage').then((m) => ({ default: m.CommunityPage })),
);
const FeedPage = lazy(() => import('./routes/communities/FeedPage').then((m) => ({ default: m.FeedPage })));
const EditorialPage = lazy(() =>
  import('./routes/catalogue/EditorialPage').then((m) => ({ default: m.EditorialPage })),
);
const TaxonomyPage = lazy(() =>
  import('./routes/catalogue/TaxonomyPage').then((m) => ({ default: m.TaxonomyPage })),
);
const CollectionsPage = lazy(() =>
  import('./routes/catalogue/CollectionsPage').then((m) => ({ default: m.CollectionsPage })),
);
const Outbox = lazy(() => import('./routes/outbox/Outbox').then((m) => ({ default: m.Outbox })));
const RetentionPage = lazy(() =>
  import('./routes/retention/RetentionPage').then((m) => ({ default: m.RetentionPage })),
);
const StaffSyncPage = lazy(() =>
  import('./routes/staff-sync/StaffSyncPage').then((m) => ({ default: m.StaffSyncPage })),
);
const IdentityProvidersPage = lazy(() =>
  import('./routes/org/sso/IdentityProvidersPage').then((m) => ({ default: m.IdentityProvidersPage })),
);
const SsoError = lazy(() => import('./routes/auth/SsoError').then((m) => ({ default: m.SsoError })));
const AuditLogPage = lazy(() =>
  import('./routes/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
);
const OwnAuditLogPage = lazy(() =>
  import('./routes/audit/OwnAuditLogPage').then((m) => ({ default: m.OwnAuditLogPage })),
);
const PackagesPage = lazy(() =>
  import('./routes/packages/PackagesPage').then((m) => ({ default: m.PackagesPage })),
);
const PackageNewPage = lazy(() =>
  import('./routes/packages/PackageNewPage').then((m) => ({ default: m.PackageNewPage })),
);
const PackagePage = lazy(() =>
  import('./routes/packages/PackagePage').then((m) => ({ default: m.PackagePage })),
);
const PackageEditPage = lazy(() =>
  import('./routes/packages/PackageEditPage').then((m) => ({ default: m.PackageEditPage })),
);
const PresentPage = lazy(() =>
  import('./routes/packages/PresentPage').then((m) => ({ default: m.PresentPage })),
);
const StatisticsPage = lazy(() =>
  import('./routes/reflection/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);
const NotificationsPage = lazy(() =>
  import('./routes/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const ModerationPage = lazy(() =>
  import('./routes/comments/ModerationPage').then((m) => ({ default: m.ModerationPage })),
);
const TrainingOverviewPage = lazy(() =>
  import('./routes/training/OverviewPage').then((m) => ({ default: m.OverviewPage })),
);
const CoursePage = lazy(() =>
  import('./routes/training/courses/CoursePage').then((m) => ({ default: m.CoursePage })),
);
const NotificationSettingsPage = lazy(() =>
  import('./routes/notifications/NotificationSettingsPage').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const UnsubscribePage = lazy(() =>
  import('./routes/notifications/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })),
);
const ObservationHome = lazy(() =>
  import('./routes/observation/ObservationHome').then((m) => ({ default: m.ObservationHome })),
);
const ObservationVisitPage = lazy(() =>
  import('./routes/observation/visits/VisitPage').then((m) => ({ default: m.VisitPage })),
);
const ObservationConductPage = lazy(() =>
  import('./routes/observation/conduct/ConductPage').then((m) => ({ default: m.ConductPage })),
);
const ObservationSelfObservationPage = lazy(() =>
  import('./routes/observation/self/SelfObservationPage').then((m) => ({ default: m.SelfObservationPage })),
);
const ObservationGuidePage = lazy(() =>
  import('./routes/observation/guide/GuidePage').then((m) => ({ default: m.GuidePage })),
);
const ObservationSetupPage = lazy(() =>
  import('./routes/observation/setup/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const ObservationPlanningPage = lazy(() =>
  import('./routes/observation/planning/PlanningPage').then((m) => ({ default: m.PlanningPage })),
);
const ObservationDataPage = lazy(() =>
  import('./routes/observation/data/DataPage').then((m) => ({ default: m.DataPage })),
);
const Profile = lazy(() => import('./routes/Profile').then((m) => ({ default: m.Profile })));
const MyDataPage = lazy(() => import('./routes/mydata/MyDataPage').then((m) => ({ default: m.MyDataPage })));
// Team spaces and inquiry cycles (issue 16).
const MyTeamsPage = lazy(() =>
  import('./routes/inquiry/space/MyTeamsPage').then((m) => ({ default: m.MyTeamsPage })),
);
const TeamSpacePage = lazy(() =>
  import('./routes/inquiry/space/TeamSpacePage').then((m) => ({ default: m.TeamSpacePage })),
);
const NewCyclePage = lazy(() =>
  import('./routes/inquiry/space/NewCyclePage').then((m) => ({ default: m.NewCyclePage })),
);
const CyclePage = lazy(() =>
  import('./routes/inquiry/cycles/CyclePage').then((m) => ({ default: m.CyclePage })),
);
// Evaluation plans / dataårshjul (issue 17 part 1).
const EvaluationPage = lazy(() =>
  import('./routes/evaluation/EvaluationPage').then((m) => ({ default: m.EvaluationPage })),
);
const MyTasksPage = lazy(() =>
  import('./routes/inquiry/tasks/MyTasksPage').then((m) => ({ default: m.MyTasksPage })),
);
const MeetingsPage = lazy(() =>
  import('./routes/inquiry/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('./routes/inquiry/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const MeetingScreenPage = lazy(() =>
  import('./routes/inquiry/meetings/MeetingMode').then((m) => ({ default: m.ScreenPage })),
);
const MeetingPhonePage = lazy(() =>
  import('./routes/inquiry/meetings/MeetingMode').then((m) => ({ default: m.PhonePage })),
);
const MinutesPage = lazy(() =>
  import('./routes/inquiry/meetings/MinutesPage').then((m) => ({ default: m.MinutesPage })),
);

// Progression overview (issue 17 part 2).
const ProgressionHome = lazy(() =>
  import('./routes/progression/ProgressionHome').then((m) => ({ default: m.ProgressionHome })),
);
const ProgressionGridPage = lazy(() =>
  import('./routes/progression/GridPage').then((m) => ({ default: m.GridPage })),
);
const ProgressionSetupPage = lazy(() =>
  import('./routes/progression/setup/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const ProgressionInstitutionPage = lazy(() =>
  import('./routes/progression/SummaryPage').then((m) => ({ default: m.InstitutionSummaryPage })),
);
const ProgressionKommunePage = lazy(() =>
  import('./routes/progression/SummaryPage').then((m) => ({ default: m.KommuneSummaryPage })),
);
const ProgressionConferencesPage = lazy(() =>
  import('./routes/progression/conferences/ConferencesPage').then((m) => ({ default: m.ConferencesPage })),
);
const ProgressionImportPage = lazy(() =>
  import('./routes/progression/import/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const ProgressionConferencePage = lazy(() =>
  import('./routes/progression/conferences/ConferenceFormPage').then((m) => ({
    default: m.ConferenceFormPage,
  })),
);

// Learning conversations between levels (issue 17 part 4).
const ConversationsPage = lazy(() =>
  import('./routes/conversations/ConversationsPage').then((m) => ({ default: m.ConversationsPage })),
);
const ConversationPage = lazy(() =>
  import('./routes/conversations/ConversationPage').then((m) => ({ default: m.ConversationPage })),
);

// The staff survey's rounds and questionnaires (issue 18).
const SurveyHome = lazy(() =>
  import('./routes/survey/admin/SurveyHome').then((m) => ({ default: m.SurveyHome })),
);
const SurveyNewRoundPage = lazy(() =>
  import('./routes/survey/admin/NewRoundPage').then((m) => ({ default: m.NewRoundPage })),
);
const SurveyRoundPage = lazy(() =>
  import('./routes/survey/admin/RoundPage').then((m) => ({ default: m.RoundPage })),
);
const SurveyCodeListPage = lazy(() =>
  import('./routes/survey/admin/CodeListPage').then((m) => ({ default: m.CodeListPage })),
);
const SurveyQuestionnairesPage = lazy(() =>
  import('./routes/survey/admin/QuestionnairesPage').then((m) => ({ default: m.QuestionnairesPage })),
);
const SurveyQuestionnairePage = lazy(() =>
  import('./routes/survey/admin/QuestionnairePage').then((m) => ({ default: m.QuestionnairePage })),
);

const StoriesPage = lazy(() =>
  import('./routes/stories/StoriesPage').then((m) => ({ default: m.StoriesPage })),
);
const StoryPage = lazy(() => import('./routes/stories/StoryPage').then((m) => ({ default: m.StoryPage })));
const StoryEditorPage = lazy(() =>
  import('./routes/stories/StoryEditorPage').then((m) => ({ default: m.StoryEditorPage })),
);
const StoryReviewPage = lazy(() =>
  import('./routes/stories/StoryReview').then((m) => ({ default: m.StoryReviewPage })),
);

// The staff survey (issue 18): answering by link or code (public), results and the kommune's analysis.
const SurveyAnswerByLink = lazy(() =>
  import('./routes/survey/answer/AnswerPage').then((m) => ({ default: m.AnswerByLinkPage })),
);
const SurveyAnswerByCode = lazy(() =>
  import('./routes/survey/answer/AnswerPage').then((m) => ({ default: m.AnswerByCodePage })),
);
const SurveyResultsPage = lazy(() =>
  import('./routes/survey/results/ResultsPage').then((m) => ({ default: m.ResultsPage })),
);
const SurveyAnalysisPage = lazy(() =>
  import('./routes/survey/results/AnalysisPage').then((m) => ({ default: m.AnalysisPage })),
);

export function App() {
  return (
    <Routes>
      {/* Present mode and a meeting's shared screen fill the screen: no page frame, still for signed-in people only. */}
      <Route element={<RequireAuth />}>
        <Route
          path="/pakker/:id/praesenter"
          element={
            <Suspense fallback={<Loading />}>
              <PresentPage />
            </Suspense>
          }
        />
        <Route
          path="/moede/:id/skaerm"
          element={
            <Suspense fallback={<Loading />}>
              <MeetingScreenPage />
            </Suspense>
          }
        />
      </Route>
      <Route element={<Layout />}>
        <Route path="/log-ind" element={<Login />} />
        <Route path="/invitation/:token" element={<AcceptInvitation />} />
        <Route path="/glemt-adgangskode" element={<ForgotPassword />} />
        <Route path="/nulstil/:token" element={<ResetPassword />} />
        <Route path="/del/:token" element={<SharedVideoPage />} />
        <Route path="/afmeld/:token" element={<UnsubscribePage />} />
        <Route path="/svar" element={<SurveyAnswerByCode />} />
        <Route path="/svar/:token" element={<SurveyAnswerByLink />} />
        <Route path="/log-ind/fejl" element={<SsoError />} />
        <Route path="/tilgaengelighed" element={<AccessibilityPage />} />
        <Route path="/privatliv" element={<PrivacyPage />} />
        {/* The front page, the catalogue and a video have a public form: public videos only (issue 15). */}
        <Route index element={<SignedInOr signedIn={<Home />} anonymous={<PublicHome />} />} />
        <Route
          path="/videoer"
          element={<SignedInOr signedIn={<VideosPage />} anonymous={<PublicVideosPage />} />}
        />
        <Route
          path="/videoer/:id"
          element={<SignedInOr signedIn={<VideoPage />} anonymous={<PublicVideoPage />} />}
        />
        {/* Practice stories have a public form too: the server answers someone not signed in with public ones. */}
        <Route path="/praksisfortaellinger" element={<StoriesPage />} />
        <Route path="/praksisfortaellinger/:id" element={<StoryPage />} />
        <Route element={<RequireAuth />}>
          <Route path="/profil" element={<Profile />} />
          <Route path="/profil/log" element={<OwnAuditLogPage />} />
          <Route path="/profil/mine-data" element={<MyDataPage />} />
          <Route path="/videoer/ny" element={<UploadPage />} />
          <Route path="/videoer/:id/undertekster" element={<CaptionEditorPage />} />
          <Route path="/videoer/sammenlign" element={<ComparePage />} />
          <Route path="/pakker" element={<PackagesPage />} />
          <Route path="/pakker/ny" element={<PackageNewPage />} />
          <Route path="/pakker/:id" element={<PackagePage />} />
          <Route path="/pakker/:id/rediger" element={<PackageEditPage />} />
          <Route path="/statistik" element={<StatisticsPage />} />
          <Route path="/faellesskaber" element={<CommunitiesPage />} />
          <Route path="/faellesskaber/ny" element={<NewCommunityPage />} />
          <Route path="/faellesskaber/:id" element={<CommunityPage />} />
          <Route path="/faellesskaber/:id/opslag/:postId" element={<PostPage />} />
          <Route path="/nyt" element={<FeedPage />} />
          <Route element={<RequireCapability need="organise" />}>
            <Route path="/organisation" element={<OrganisationPage />} />
            <Route path="/organisation/personer" element={<PeoplePage />} />
            <Route path="/organisation/inviter" element={<InvitePerson />} />
            <Route path="/organisation/institutioner/:id" element={<InstitutionPage />} />
            <Route path="/organisation/teams/:id" element={<TeamPage />} />
            <Route path="/organisation/personer/:id" element={<PersonPage />} />
            <Route path="/import" element={<ImportStaff />} />
          </Route>
          <Route path="/notifikationer" element={<NotificationsPage />} />
          <Route path="/notifikationer/indstillinger" element={<NotificationSettingsPage />} />
          <Route path="/traening" element={<TrainingOverviewPage />} />
          <Route path="/observation" element={<ObservationHome />} />
          <Route path="/observation/besoeg/:id" element={<ObservationVisitPage />} />
          <Route path="/observation/besoeg/:id/gennemfoer" element={<ObservationConductPage />} />
          <Route path="/observation/egen" element={<ObservationSelfObservationPage />} />
          <Route path="/observation/guide/:institutionId" element={<ObservationGuidePage />} />
          <Route path="/observation/opsaetning" element={<ObservationSetupPage />} />
          <Route path="/observation/planlaegning" element={<ObservationPlanningPage />} />
          <Route path="/observation/data" element={<ObservationDataPage />} />
          <Route path="/traening/forloeb/:id" element={<CoursePage />} />
          <Route path="/moderation" element={<ModerationPage />} />
          <Route path="/team" element={<MyTeamsPage />} />
          <Route path="/team/:id" element={<TeamSpacePage />} />
          <Route path="/team/:id/nyt-forloeb" element={<NewCyclePage />} />
          <Route path="/forloeb/:id" element={<CyclePage />} />
          <Route path="/forloeb/:id/fortaelling" element={<StoryEditorPage />} />
          <Route path="/opgaver" element={<MyTasksPage />} />
          <Route path="/data" element={<DataHub />} />
          <Route path="/dataaarshjul" element={<EvaluationPage />} />
          <Route path="/team/:teamId/moeder" element={<MeetingsPage />} />
          <Route path="/moede/:id" element={<MeetingPage />} />
          <Route path="/moede/:id/telefon" element={<MeetingPhonePage />} />
          <Route path="/moede/:id/referat" element={<MinutesPage />} />
          <Route path="/laeringssamtaler" element={<ConversationsPage />} />
          <Route path="/laeringssamtaler/:id" element={<ConversationPage />} />
          <Route path="/progression" element={<ProgressionHome />} />
          <Route path="/progression/grupper/:id" element={<ProgressionGridPage />} />
          <Route path="/progression/grupper/:id/samtaler" element={<ProgressionConferencesPage />} />
          <Route path="/progression/grupper/:id/import" element={<ProgressionImportPage />} />
          <Route path="/progression/grupper/:id/samtaler/ny" element={<ProgressionConferencePage />} />
          <Route
            path="/progression/grupper/:id/samtaler/:conferenceId"
            element={<ProgressionConferencePage />}
          />
          <Route path="/progression/institution/:id" element={<ProgressionInstitutionPage />} />
          <Route path="/progression/institution/:id/opsaetning" element={<ProgressionSetupPage />} />
          <Route path="/progression/kommune/:id" element={<ProgressionKommunePage />} />
          <Route path="/medarbejderundersoegelse/runder/:id/resultater" element={<SurveyResultsPage />} />
          <Route path="/medarbejderundersoegelse/analyse" element={<SurveyAnalysisPage />} />
          <Route path="/medarbejderundersoegelse" element={<SurveyHome />} />
          <Route path="/medarbejderundersoegelse/ny" element={<SurveyNewRoundPage />} />
          <Route path="/medarbejderundersoegelse/runder/:id" element={<SurveyRoundPage />} />
          <Route path="/medarbejderundersoegelse/runder/:id/koder" element={<SurveyCodeListPage />} />
          <Route path="/medarbejderundersoegelse/spoergeskemaer" element={<SurveyQuestionnairesPage />} />
          <Route path="/medarbejderundersoegelse/spoergeskemaer/:id" element={<SurveyQuestionnairePage />} />
          <Route element={<RequireCapability need="curate" />}>
            <Route path="/redaktion" element={<EditorialPage />} />
            <Route path="/redaktion/emneord" element={<TaxonomyPage />} />
            <Route path="/redaktion/samlinger" element={<CollectionsPage />} />
            <Route path="/redaktion/fortaellinger" element={<StoryReviewPage />} />
          </Route>
          <Route element={<RequireCapability need="outbox" />}>
            <Route path="/udbakke" element={<Outbox />} />
            <Route path="/organisation/opbevaring" element={<RetentionPage />} />
            <Route path="/organisation/log-ind" element={<IdentityProvidersPage />} />
            <Route path="/organisation/synkronisering" element={<StaffSyncPage />} />
            <Route path="/organisation/log" element={<AuditLogPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
