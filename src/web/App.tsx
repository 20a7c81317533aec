import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireAuth, RequireCapability } from './components/RequireAuth';
import { AcceptInvitation } from './routes/AcceptInvitation';
import { ForgotPassword } from './routes/ForgotPassword';
import { Home } from './routes/Home';
import { ImportStaff } from './routes/ImportStaff';
import { Login } from './routes/Login';
import { NotFound } from './routes/NotFound';
import { Outbox } from './routes/Outbox';
import { InstitutionPage } from './routes/org/InstitutionPage';
import { InvitePerson } from './routes/org/InvitePerson';
import { OrganisationPage } from './routes/org/OrganisationPage';
import { PeoplePage } from './routes/org/PeoplePage';
import { PersonPage } from './routes/org/PersonPage';
import { TeamPage } from './routes/org/TeamPage';
import { Profile } from './routes/Profile';
import { ResetPassword } from './routes/ResetPassword';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/log-ind" element={<Login />} />
        <Route path="/invitation/:token" element={<AcceptInvitation />} />
        <Route path="/glemt-adgangskode" element={<ForgotPassword />} />
        <Route path="/nulstil/:token" element={<ResetPassword />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Home />} />
          <Route path="/profil" element={<Profile />} />
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
