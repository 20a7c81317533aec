import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireAuth, RequireCapability } from './components/RequireAuth';
import { AcceptInvitation } from './routes/AcceptInvitation';
import { ForgotPassword } from './routes/ForgotPassword';
import { Home } from './routes/Home';
import { Login } from './routes/Login';
import { NotFound } from './routes/NotFound';
import { ResetPassword } from './routes/ResetPassword';

// Pages only some people use are loaded when first opened.
const ImportStaff = lazy(() => import('./routes/ImportStaff').then((m) => ({ default: m.ImportStaff })));
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
const VideosPage = lazy(() => import('./routes/videos/VideosPage').then((m) => ({ default: m.VideosPage })));
const UploadPage = lazy(() => import('./routes/videos/UploadPage').then((m) => ({ default: m.UploadPage })));
const VideoPage = lazy(() => import('./routes/videos/VideoPage').then((m) => ({ default: m.VideoPage })));
const SharedVideoPage = lazy(() =>
  import('./routes/videos/SharedVideoPage').then((m) => ({ default: m.SharedVideoPage })),
);
const Outbox = lazy(() => import('./routes/Outbox').then((m) => ({ default: m.Outbox })));
const Profile = lazy(() => import('./routes/Profile').then((m) => ({ default: m.Profile })));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/log-ind" element={<Login />} />
        <Route path="/invitation/:token" element={<AcceptInvitation />} />
        <Route path="/glemt-adgangskode" element={<ForgotPassword />} />
        <Route path="/nulstil/:token" element={<ResetPassword />} />
        <Route path="/del/:token" element={<SharedVideoPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Home />} />
          <Route path="/profil" element={<Profile />} />
          <Route path="/videoer" element={<VideosPage />} />
          <Route path="/videoer/ny" element={<UploadPage />} />
          <Route path="/videoer/:id" element={<VideoPage />} />
          <Route element={<RequireCapability need="organise" />}>
            <Route path="/organisation" element={<OrganisationPage />} />
            <Route path="/organisation/personer" element={<PeoplePage />} />
            <Route path="/organisation/inviter" element={<InvitePerson />} />
            <Route path="/organisation/institutioner/:id" element={<InstitutionPage />} />
            <Route path="/organisation/teams/:id" element={<TeamPage />} />
            <Route path="/organisation/personer/:id" element={<PersonPage />} />
            <Route path="/import" element={<ImportStaff />} />
          </Route>
          <Route element={<RequireCapability need="outbox" />}>
            <Route path="/udbakke" element={<Outbox />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
